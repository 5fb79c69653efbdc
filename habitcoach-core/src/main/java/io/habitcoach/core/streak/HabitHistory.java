package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.schedule.WeekStartHistory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the streak rules need to know about one habit: its schedule, the days marked done, the
 * days marked skipped, and the ranges during which it was paused. Immutable; build one with
 * {@link #builder(Frequency)}.
 *
 * <p>The order and duplicates of the input collections do not matter: dates are kept sorted and
 * de-duplicated. A date may not be both done and skipped (the database keeps one entry per day).
 * Overlapping or touching pauses are merged. Dates must lie between 0001-01-01 and 9999-12-31.
 */
public final class HabitHistory {

    private final Schedule schedule;
    // The frequencies over time; its last one is schedule's. One span unless the schedule was changed.
    private final ScheduleHistory schedules;
    // The user's first days of the week over time; its last one is schedule's. One unless it was changed.
    private final WeekStartHistory weekStarts;
    private final int mask;
    // gapsToNext[w]: days from a scheduled day on weekday w to the next scheduled day (the engine's fast path)
    private final int[] gapsToNext;
    final int[] done;
    final int[] skipped;
    // Merged, sorted, disjoint [start, end) ranges; end is Days.NEVER for a pause that has not ended.
    final int[] pauseStart;
    final int[] pauseEnd;
    private final int startDay;

    private HabitHistory(Builder builder) {
        this.schedules = builder.schedules != null ? builder.schedules : ScheduleHistory.of(builder.frequency);
        this.weekStarts = builder.weekStarts != null ? builder.weekStarts : WeekStartHistory.of(builder.firstDayOfWeek);
        this.schedule = Schedule.of(schedules.current(), weekStarts.current());
        this.mask = Days.mask(schedules.current());
        this.gapsToNext = Days.gapsToNext(mask);
        this.done = sortedDistinct(builder.done, builder.doneCount);
        this.skipped = sortedDistinct(builder.skipped, builder.skippedCount);
        requireDisjoint(done, skipped);
        int[][] pauses = merge(builder.pauses);
        this.pauseStart = pauses[0];
        this.pauseEnd = pauses[1];
        this.startDay = builder.startDay;
    }

    /** A history of done dates only, weeks starting on Monday. */
    public static HabitHistory of(Frequency frequency, Collection<LocalDate> doneDates) {
        return builder(frequency).done(doneDates).build();
    }

    public static Builder builder(Frequency frequency) {
        return new Builder(frequency);
    }

    public static Builder builder(Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        return new Builder(schedule.frequency()).firstDayOfWeek(schedule.firstDayOfWeek());
    }

    /** A builder pre-filled with this history, e.g. to add one more entry. */
    public Builder toBuilder() {
        Builder builder = builder(schedule);
        for (int day : done) {
            builder.addDone(day);
        }
        for (int day : skipped) {
            builder.addSkipped(day);
        }
        for (PauseRange pause : pauses()) {
            builder.pause(pause);
        }
        builder.startDay = startDay;
        builder.schedules = schedules;
        builder.weekStarts = weekStarts;
        return builder;
    }

    /** This history judged by {@code frequency} alone (one span), e.g. a week of a changed schedule. */
    HabitHistory withOnly(Frequency frequency) {
        Builder builder = toBuilder();
        builder.schedules = ScheduleHistory.of(frequency);
        return builder.build();
    }

    /** This history with one more done date. */
    public HabitHistory withDone(LocalDate date) {
        return toBuilder().done(date).build();
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The frequency in force now (the last span's). */
    public Frequency frequency() {
        return schedule.frequency();
    }

    /**
     * The frequencies over time (docs/rules.md, "Schedule changes"): the past is judged by the one in
     * force then. A single span unless {@link Builder#schedules} was given.
     */
    public ScheduleHistory schedules() {
        return schedules;
    }

    public DayOfWeek firstDayOfWeek() {
        return schedule.firstDayOfWeek();
    }

    /**
     * The user's first days of the week over time (docs/rules.md, "Changing the first day of the
     * week"): the streak rules bucket each week by the one in force then. A single one, {@link
     * #firstDayOfWeek()}, unless {@link Builder#weekStarts} was given.
     */
    public WeekStartHistory weekStarts() {
        return weekStarts;
    }

    /** The done dates, ascending, without duplicates. */
    public List<LocalDate> doneDates() {
        return dates(done);
    }

    /** The skipped dates, ascending, without duplicates. */
    public List<LocalDate> skippedDates() {
        return dates(skipped);
    }

    /** The pauses, merged and ascending. */
    public List<PauseRange> pauses() {
        List<PauseRange> list = new ArrayList<>(pauseStart.length);
        for (int i = 0; i < pauseStart.length; i++) {
            list.add(new PauseRange(Days.date(pauseStart[i]),
                    pauseEnd[i] == Days.NEVER ? null : Days.date(pauseEnd[i])));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The habit's first day (its creation date in the user's zone), if known. Only weekly reports use
     * it: days before it are not counted as missed.
     */
    public Optional<LocalDate> startDate() {
        return Optional.ofNullable(Days.dateOrNull(startDay));
    }

    /** The number of done entries: {@code total_completed}. */
    public int totalCompleted() {
        return done.length;
    }

    int mask() {
        return mask;
    }

    int[] gapsToNext() {
        return gapsToNext;
    }

    int startDay() {
        return startDay;
    }

    boolean isDone(int day) {
        return Arrays.binarySearch(done, day) >= 0;
    }

    boolean isSkipped(int day) {
        return Arrays.binarySearch(skipped, day) >= 0;
    }

    boolean isPaused(int day) {
        int index = Arrays.binarySearch(pauseStart, day);
        if (index >= 0) {
            return true;
        }
        int before = -index - 2;
        return before >= 0 && day < pauseEnd[before];
    }

    private static List<LocalDate> dates(int[] days) {
        List<LocalDate> list = new ArrayList<>(days.length);
        for (int day : days) {
            list.add(Days.date(day));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The values sorted and de-duplicated. Returns {@code values} itself when it is exactly full and
     * already strictly ascending (the usual case: rows read ORDER BY date). Sharing the builder's array
     * is safe: a full array is never written again, the builder's next date grows it into a new one.
     */
    private static int[] sortedDistinct(int[] values, int count) {
        if (count == 0) {
            return Days.empty();
        }
        boolean strictlyAscending = true;
        for (int i = 1; i < count && strictlyAscending; i++) {
            strictlyAscending = values[i - 1] < values[i];
        }
        if (strictlyAscending) {
            return count == values.length ? values : Arrays.copyOf(values, count);
        }
        int[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (copy[i] != copy[distinct - 1]) {
                copy[distinct++] = copy[i];
            }
        }
        return distinct == count ? copy : Arrays.copyOf(copy, distinct);
    }

    private static void requireDisjoint(int[] done, int[] skipped) {
        int i = 0;
        int j = 0;
        while (i < done.length && j < skipped.length) {
            if (done[i] == skipped[j]) {
                throw new InvalidInputException("skippedDates",
                        "dates that are not also done (one entry per day); " + Days.date(done[i]) + " is both");
            }
            if (done[i] < skipped[j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    private static int[][] merge(List<int[]> pauses) {
        if (pauses.isEmpty()) {
            return new int[][] {Days.empty(), Days.empty()};
        }
        List<int[]> sorted = new ArrayList<>(pauses);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] starts = new int[sorted.size()];
        int[] ends = new int[sorted.size()];
        int n = 0;
        for (int[] pause : sorted) {
            if (pause[0] == pause[1]) {
                continue; // paused and resumed on the same day: no day was paused
            }
            if (n > 0 && pause[0] <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], pause[1]);
            } else {
                starts[n] = pause[0];
                ends[n] = pause[1];
                n++;
            }
        }
        return new int[][] {Arrays.copyOf(starts, n), Arrays.copyOf(ends, n)};
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof HabitHistory other
                && schedule.equals(other.schedule)
                && schedules.equals(other.schedules)
                && weekStarts.equals(other.weekStarts)
                && startDay == other.startDay
                && Arrays.equals(done, other.done)
                && Arrays.equals(skipped, other.skipped)
                && Arrays.equals(pauseStart, other.pauseStart)
                && Arrays.equals(pauseEnd, other.pauseEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, schedules, weekStarts, startDay, Arrays.hashCode(done), Arrays.hashCode(skipped),
                Arrays.hashCode(pauseStart), Arrays.hashCode(pauseEnd));
    }

    @Override
    public String toString() {
        return "HabitHistory[schedule=" + schedule + (schedules.spans().size() > 1 ? ", schedules=" + schedules : "")
                + (weekStarts.isUniform() ? "" : ", weekStarts=" + weekStarts)
                + ", done=" + doneDates() + ", skipped=" + skippedDates()
                + ", pauses=" + pauses() + ", startDate=" + startDate().orElse(null) + "]";
    }

    /** Collects entries; not thread-safe. Every date must lie between 0001-01-01 and 9999-12-31. */
    public static final class Builder {
        private final Frequency frequency;
        private DayOfWeek firstDayOfWeek = DayOfWeek.MONDAY;
        private int[] done = new int[16];
        private int doneCount;
        private int[] skipped = Days.empty();
        private int skippedCount;
        private final List<int[]> pauses = new ArrayList<>(0);
        private int startDay = Days.NONE;
        private ScheduleHistory schedules;
        private WeekStartHistory weekStarts;

        private Builder(Frequency frequency) {
            this.frequency = InvalidInputException.requirePresent(frequency, "frequency");
        }

        /** The first day of calendar weeks (per-week habits, weekly reports); Monday by default. */
        public Builder firstDayOfWeek(DayOfWeek firstDayOfWeek) {
            this.firstDayOfWeek = InvalidInputException.requirePresent(firstDayOfWeek, "firstDayOfWeek");
            this.weekStarts = null;
            return this;
        }

        public Builder done(LocalDate... dates) {
            return done(Arrays.asList(Objects.requireNonNull(dates, "dates")));
        }

        public Builder done(Collection<LocalDate> dates) {
            InvalidInputException.requirePresent(dates, "doneDates");
            if (done.length - doneCount < dates.size()) {
                done = Arrays.copyOf(done, Math.max(done.length * 2, doneCount + dates.size()));
            }
            doneCount = toEpochDays(dates, done, doneCount, "doneDates");
            return this;
        }

        public Builder skipped(LocalDate... dates) {
            return skipped(Arrays.asList(Objects.requireNonNull(dates, "dates")));
        }

        public Builder skipped(Collection<LocalDate> dates) {
            InvalidInputException.requirePresent(dates, "skippedDates");
            if (skipped.length - skippedCount < dates.size()) {
                skipped = Arrays.copyOf(skipped, Math.max(skipped.length * 2, skippedCount + dates.size()));
            }
            skippedCount = toEpochDays(dates, skipped, skippedCount, "skippedDates");
            return this;
        }

        /** Paused from {@code from} (inclusive) until {@code resumedOn} (exclusive; null = still paused). */
        public Builder paused(LocalDate from, LocalDate resumedOn) {
            return pause(new PauseRange(from, resumedOn));
        }

        public Builder pause(PauseRange pause) {
            InvalidInputException.requirePresent(pause, "pausedRange");
            int start = Days.of(pause.start(), "pausedFrom");
            int end = pause.end() == null ? Days.NEVER : Days.of(pause.end(), "resumedOn");
            pauses.add(new int[] {start, end});
            return this;
        }

        public Builder pauses(Collection<PauseRange> ranges) {
            InvalidInputException.requirePresent(ranges, "pausedRanges");
            ranges.forEach(this::pause);
            return this;
        }

        /**
         * The frequencies the habit had over time; its last span's frequency replaces the builder's.
         * Streaks, strength and weekly reports judge every day and week by the frequency in force then.
         */
        public Builder schedules(ScheduleHistory schedules) {
            this.schedules = InvalidInputException.requirePresent(schedules, "schedules");
            return this;
        }

        /**
         * The user's first days of the week over time; its last one replaces {@link #firstDayOfWeek}.
         * Streaks judge each per-week habit's week by the first day in force then; weekly reports,
         * strength and calendars use the current one.
         */
        public Builder weekStarts(WeekStartHistory weekStarts) {
            this.weekStarts = InvalidInputException.requirePresent(weekStarts, "weekStarts");
            this.firstDayOfWeek = weekStarts.current();
            return this;
        }

        /** The habit's first day in the user's zone (weekly reports do not count earlier days as missed). */
        public Builder startDate(LocalDate startDate) {
            this.startDay = startDate == null ? Days.NONE : Days.of(startDate, "startDate");
            return this;
        }

        public HabitHistory build() {
            return new HabitHistory(this);
        }

        /**
         * Writes the dates' epoch days into {@code out} from {@code offset}; returns the new count. The
         * caller made room for all of them.
         */
        private static int toEpochDays(Collection<LocalDate> dates, int[] out, int offset, String field) {
            // LocalDate.toEpochDay() is most of the cost of building a long history. Dates of one month
            // are usually adjacent, so it runs once per month and the rest is month start + day. Locals,
            // not fields, and no call to a validation helper in the loop: measured, either costs 3-4x.
            int n = offset;
            int cachedYear = Integer.MIN_VALUE;
            int cachedMonth = 0;
            int cachedMonthStart = 0;
            for (LocalDate date : dates) {
                if (date == null) {
                    throw invalid(field, null);
                }
                int year = date.getYear();
                int month = date.getMonthValue();
                if (year != cachedYear || month != cachedMonth) {
                    long day = date.toEpochDay();
                    if (day < Days.MIN || day > Days.MAX) {
                        throw invalid(field, date);
                    }
                    cachedYear = year;
                    cachedMonth = month;
                    cachedMonthStart = (int) day - (date.getDayOfMonth() - 1);
                }
                out[n++] = cachedMonthStart + date.getDayOfMonth() - 1;
            }
            return n;
        }

        private static InvalidInputException invalid(String field, LocalDate date) {
            return date == null ? new InvalidInputException(field, "must not be null")
                    : new InvalidInputException(field, "dates from 0001-01-01 to 9999-12-31, got " + date);
        }

        private void addDone(int day) {
            if (doneCount == done.length) {
                done = Arrays.copyOf(done, Math.max(16, done.length * 2));
            }
            done[doneCount++] = day;
        }

        private void addSkipped(int day) {
            if (skippedCount == skipped.length) {
                skipped = Arrays.copyOf(skipped, Math.max(8, skipped.length * 2));
            }
            skipped[skippedCount++] = day;
        }
    }
}
