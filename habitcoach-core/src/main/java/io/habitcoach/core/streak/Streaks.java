package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.ScheduleHistory;

import io.habitcoach.core.InvalidInputException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Current and longest streaks (rules.md section 4), computed in full or updated incrementally.
 *
 * <ul>
 *   <li>{@link #compute(HabitHistory, LocalDate)}: the streaks as of today from the whole history, in
 *       one pass over the entries (O(entries + skips + pauses)).</li>
 *   <li>{@link #state(HabitHistory)}: the same pass, returning the {@link StreakState} that the
 *       database keeps on the habit row.</li>
 *   <li>{@link #addDone}: one new done date applied to a stored state in O(1), or empty when the date
 *       cannot be handled without the history (then recompute with {@link #state}).</li>
 * </ul>
 */
public final class Streaks {

    private Streaks() {
    }

    /** The streaks as of {@code today} for a habit with done dates only and weeks starting on Monday. */
    public static StreakSummary compute(Frequency frequency, Collection<LocalDate> doneDates, LocalDate today) {
        return compute(HabitHistory.of(frequency, doneDates), today);
    }

    /**
     * The streaks as of {@code today} for a habit whose frequency changed over time: each span's
     * frequency judges the days (and weeks) it was in force (docs/rules.md, "Schedule changes"). With
     * a single span this is {@link #compute(Frequency, Collection, LocalDate)}.
     */
    public static StreakSummary compute(ScheduleHistory schedules, Collection<LocalDate> doneDates, LocalDate today) {
        InvalidInputException.requirePresent(schedules, "schedules");
        return compute(HabitHistory.builder(schedules.current()).schedules(schedules).done(doneDates).build(), today);
    }

    /**
     * The streaks as of {@code today} of {@code history} judged by {@code schedules} (which replaces the
     * history's own frequency or schedule history); weeks start on the history's first day of week.
     */
    public static StreakSummary compute(HabitHistory history, ScheduleHistory schedules, LocalDate today) {
        Objects.requireNonNull(history, "history");
        InvalidInputException.requirePresent(schedules, "schedules");
        return compute(history.toBuilder().schedules(schedules).build(), today);
    }

    /**
     * The streaks as of {@code today}: the current period (today, or this week) is open, so it counts
     * once met and otherwise neither counts nor breaks. Skipped days and paused ranges neither count nor
     * break; done days on unscheduled weekdays or paused days count in {@code totalCompleted} only.
     * When the history has several {@link HabitHistory#schedules() schedule spans}, every day and week is
     * judged by the frequency in force then.
     */
    public static StreakSummary compute(HabitHistory history, LocalDate today) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(today, "today");
        return state(history).asOf(history.schedule(), today);
    }

    /** The state to store on the habit row, computed from the whole history. */
    public static StreakState state(HabitHistory history) {
        Objects.requireNonNull(history, "history");
        return state(history, Integer.MAX_VALUE);
    }

    /** The state over the entries dated on or before {@code through} (pauses are taken whole). */
    static StreakState stateThrough(HabitHistory history, LocalDate through) {
        return state(history, Days.of(through, "through"));
    }

    private static StreakState state(HabitHistory history, int limit) {
        if (history.schedules().spans().size() > 1 || !history.weekStarts().isUniform()) {
            Spans spans = Spans.of(history, true);
            if (spans.size > 1) {
                return SpanEngine.state(history, spans, limit);
            }
            if (!spans.frequency[0].equals(history.frequency())) {
                return StreakEngine.state(history.withOnly(spans.frequency[0]), limit);
            }
        }
        return StreakEngine.state(history, limit);
    }

    /**
     * The state after {@code date} was marked done, computed from the stored state alone, or empty when
     * that is not possible and the caller must recompute with {@link #state(HabitHistory)}. When present,
     * the result equals a full recomputation over the history plus {@code date}.
     *
     * <p>Handled: a done date on an unscheduled weekday (daily, specific days); a date after the run's
     * end (today's or yesterday's completion, a completion after a gap, a new run); a back-filled date
     * just before the latest run, or just after or between earlier runs when it joins at most one of
     * them; for per-week habits, a date in the latest run's week, in the latest unmet week or in a later
     * week. Not handled (empty): dates on or before {@link StreakState#excusedThrough()} (any skipped or
     * paused day there; always while a pause has not ended), a date that merges two runs, a date older
     * than the previous run's end, and per-week dates in an earlier week whose count the state does not
     * keep. For a habit whose schedule changed, {@link StreakState#excusedThrough()} reaches the day
     * before the current frequency took effect, so every earlier date falls back too.
     *
     * <p>Preconditions (the caller's, not checked): {@code date} was not done before (the insert was not
     * an idempotent repeat), and {@code schedule} is the one the state was computed with. Undo, skip,
     * unskip, pause, resume and a change of frequency or first day of week are not incremental: recompute.
     */
    public static Optional<StreakState> addDone(StreakState state, Schedule schedule, LocalDate date) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(schedule, "schedule");
        int day = Days.of(date, "date");
        LocalDate lastDone = state.lastDoneDate() == null || date.isAfter(state.lastDoneDate())
                ? date : state.lastDoneDate();
        Delta delta = new Delta(state, state.totalCompleted() + 1, lastDone);
        int excused = Days.orNone(state.excusedThrough());
        if (schedule.frequency() instanceof Frequency.TimesPerWeek perWeek) {
            return addDoneInWeek(state, delta, perWeek.times(), Days.weekAnchor(schedule.firstDayOfWeek()), day,
                    excused);
        }
        if (excused != Days.NONE && day <= excused) {
            // a paused day, skipped or paused days in the affected range, or a day before the schedule's
            // last change (whose weekdays may differ: checked before the current weekday mask)
            return Optional.empty();
        }
        int mask = Days.mask(schedule.frequency());
        if (!Days.inMask(mask, day)) {
            return Optional.of(delta.unchangedRuns());
        }
        if (state.runLength() == 0) {
            return Optional.of(delta.firstRun(day, Days.firstInMaskFrom(mask, day + 1)));
        }
        int runStart = Days.orNone(state.runStart());
        int runEnd = Days.orNone(state.runEnd());
        int nextDue = Days.orNone(state.nextDue()); // set: only an open pause clears it, and that fell back
        if (day > runEnd) {
            int next = Days.firstInMaskFrom(mask, day + 1);
            if (day == nextDue) {
                return Optional.of(delta.extendRun(day, next));
            }
            return day > nextDue ? Optional.of(delta.newRun(day, day, next)) : Optional.empty();
        }
        if (day >= runStart) {
            return Optional.empty(); // inside the run: already done (or excused), so not a new done day
        }
        boolean joinsRun = day == Days.lastInMaskBefore(mask, runStart);
        if (state.previousRunLength() == 0) {
            return Optional.of(joinsRun ? delta.prependToRun(day) : delta.isolatedBeforeRun(day));
        }
        int previousEnd = Days.orNone(state.previousRunEnd());
        if (day <= previousEnd || (excused != Days.NONE && excused >= previousEnd)) {
            return Optional.empty(); // older history, or excused days between the two runs
        }
        boolean joinsPrevious = day == Days.firstInMaskFrom(mask, previousEnd + 1);
        if (joinsRun && joinsPrevious) {
            return Optional.empty(); // merges two runs: the run before them is not in the state
        }
        if (joinsRun) {
            return Optional.of(delta.prependToRun(day));
        }
        return Optional.of(joinsPrevious ? delta.appendToPrevious(day) : delta.isolatedBeforeRun(day));
    }

    private static Optional<StreakState> addDoneInWeek(StreakState state, Delta delta, int target, int anchor,
                                                       int day, int excused) {
        int week = Days.week(day, anchor);
        if (excused != Days.NONE && excused >= Days.weekStart(week, anchor)) {
            return Optional.empty(); // a skip or pause in this week or later: targets and pauses need the history
        }
        int runWeek = state.runLength() == 0 ? Days.NONE : Days.week(Days.orNone(state.runEnd()), anchor);
        int unmetWeek = state.lastUnmetWeek() == null ? Days.NONE : Days.week(Days.orNone(state.lastUnmetWeek()), anchor);
        if (week == runWeek) {
            return Optional.of(delta.unchangedRuns()); // the week was met already
        }
        int count;
        if (week == unmetWeek) {
            count = state.lastUnmetWeekDone() + 1;
        } else if (week > Math.max(runWeek, unmetWeek)) {
            count = 1;
        } else {
            return Optional.empty(); // an earlier week whose count the state does not keep
        }
        if (count < target) {
            return Optional.of(delta.unmetWeek(Days.weekStart(week, anchor), count));
        }
        int weekStart = Days.weekStart(week, anchor);
        int next = Days.weekStart(week + 1, anchor);
        if (state.runLength() == 0) {
            return Optional.of(delta.firstRun(weekStart, next));
        }
        int due = Days.week(Days.orNone(state.nextDue()), anchor);
        if (week == due) {
            return Optional.of(delta.extendRun(weekStart, next));
        }
        return week > due ? Optional.of(delta.newRun(weekStart, weekStart, next)) : Optional.empty();
    }

    /** Builds the successor state; every path keeps the total and the last done date it was given. */
    private record Delta(StreakState s, int total, LocalDate lastDone) {

        StreakState unchangedRuns() {
            return new StreakState(s.runLength(), s.runStart(), s.runEnd(), s.nextDue(), s.longest(), total, lastDone,
                    s.previousRunLength(), s.previousRunEnd(), s.lastUnmetWeek(), s.lastUnmetWeekDone(),
                    s.excusedThrough());
        }

        StreakState unmetWeek(int weekStart, int count) {
            return new StreakState(s.runLength(), s.runStart(), s.runEnd(), s.nextDue(), s.longest(), total, lastDone,
                    s.previousRunLength(), s.previousRunEnd(), Days.date(weekStart), count, s.excusedThrough());
        }

        StreakState firstRun(int unit, int nextDue) {
            return new StreakState(1, Days.date(unit), Days.date(unit), Days.date(nextDue), Math.max(s.longest(), 1),
                    total, lastDone, 0, null, null, 0, s.excusedThrough());
        }

        StreakState extendRun(int unit, int nextDue) {
            int run = s.runLength() + 1;
            return new StreakState(run, s.runStart(), Days.date(unit), Days.date(nextDue), Math.max(s.longest(), run),
                    total, lastDone, s.previousRunLength(), s.previousRunEnd(), null, 0, s.excusedThrough());
        }

        StreakState newRun(int start, int unit, int nextDue) {
            return new StreakState(1, Days.date(start), Days.date(unit), Days.date(nextDue), Math.max(s.longest(), 1),
                    total, lastDone, s.runLength(), s.runEnd(), null, 0, s.excusedThrough());
        }

        StreakState prependToRun(int day) {
            int run = s.runLength() + 1;
            return new StreakState(run, Days.date(day), s.runEnd(), s.nextDue(), Math.max(s.longest(), run), total,
                    lastDone, s.previousRunLength(), s.previousRunEnd(), null, 0, s.excusedThrough());
        }

        StreakState appendToPrevious(int day) {
            int previous = s.previousRunLength() + 1;
            return new StreakState(s.runLength(), s.runStart(), s.runEnd(), s.nextDue(), Math.max(s.longest(), previous),
                    total, lastDone, previous, Days.date(day), null, 0, s.excusedThrough());
        }

        StreakState isolatedBeforeRun(int day) {
            return new StreakState(s.runLength(), s.runStart(), s.runEnd(), s.nextDue(), Math.max(s.longest(), 1),
                    total, lastDone, 1, Days.date(day), null, 0, s.excusedThrough());
        }
    }
}
