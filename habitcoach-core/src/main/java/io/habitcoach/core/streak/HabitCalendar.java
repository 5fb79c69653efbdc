package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A habit's days as a picture draws them (a calendar heat map): one {@link Day} per local date from
 * {@code from} to {@code to}, and one {@link Week} per calendar week they touch.
 *
 * <p>The states are those of {@link WeeklyReport}'s days, week by week, so a calendar never disagrees
 * with the weekly report or the streaks: a day after today without an entry is {@link DayState#FUTURE}; today, and the
 * rest of an open week, are {@link DayState#OPEN} until done. A per-week habit schedules weeks, not
 * days: its undone days read {@link DayState#NO_ENTRY} and its {@link Week} says whether the week was
 * met, missed or is still open, with its target and count.
 *
 * @param from  the first day drawn
 * @param to    the last day drawn
 * @param days  one entry per day, oldest first
 * @param weeks one entry per calendar week touched by the range, oldest first
 */
public record HabitCalendar(LocalDate from, LocalDate to, List<Day> days, List<Week> weeks) {

    /** The longest range one calendar covers: two years and a day. */
    public static final int MAX_DAYS = 732;

    public HabitCalendar {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
    }

    /** What happened on one day, as the rules see it. */
    public enum DayState {
        /** Done, and it counts towards the schedule. */
        DONE,
        /** Done on a day that was not scheduled or while paused: counts in the total only. */
        DONE_NOT_COUNTED,
        /** Marked skipped (a rest day): neither counts nor breaks a streak. */
        SKIPPED,
        /** Scheduled, closed, not done. */
        MISSED,
        /** Scheduled and still open (today, or the rest of this week): not done yet. */
        OPEN,
        /** The habit was paused. */
        PAUSED,
        /** Not one of the habit's weekdays. */
        NOT_SCHEDULED,
        /** A per-week habit's day without an entry: its week, not the day, is judged. */
        NO_ENTRY,
        /** Before the habit existed. */
        BEFORE_START,
        /** After the user's today. */
        FUTURE
    }

    /** What a calendar week came to. */
    public enum WeekState {
        /** The target was met (per week), or every due day was done. */
        MET,
        /** The week closed short of its target. */
        MISSED,
        /** The week is not over and not met yet. */
        OPEN,
        /** Nothing was due: paused, skipped, before the habit existed, or no scheduled day. */
        EXCUSED
    }

    /**
     * One day.
     *
     * @param date  the local date
     * @param state what the rules make of it
     */
    public record Day(LocalDate date, DayState state) {
        public Day {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * One calendar week, with the same counts as {@link WeeklyReport}.
     *
     * @param start     the week's first day
     * @param state     met, missed, open or excused
     * @param scheduled what was due: scheduled days, or a per-week habit's target N
     * @param done      completions that count
     * @param skipped   skipped days
     * @param missed    what closed undone
     * @param pending   what is still due in an open week
     */
    public record Week(LocalDate start, WeekState state, int scheduled, int done, int skipped, int missed,
            int pending) {
        public Week {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The calendar of {@code history} from {@code from} to {@code to} (inclusive), as of {@code today}.
     * The history must hold the entries of every week the range touches.
     *
     * @throws InvalidInputException when {@code to} is before {@code from} or the range is longer
     *                               than {@value #MAX_DAYS} days
     */
    public static HabitCalendar of(HabitHistory history, LocalDate from, LocalDate to, LocalDate today) {
        Objects.requireNonNull(history, "history");
        checkRange(from, to);
        Objects.requireNonNull(today, "today");
        boolean perWeek = history.frequency() instanceof Frequency.TimesPerWeek;
        List<Day> days = new ArrayList<>();
        List<Week> weeks = new ArrayList<>();
        for (CalendarWeek week = CalendarWeek.containing(from, history.firstDayOfWeek());
                !week.start().isAfter(to); week = week.next()) {
            List<DayOutcome> outcomes;
            if (week.start().isAfter(today)) {
                outcomes = List.of();
                weeks.add(new Week(week.start(), WeekState.OPEN, 0, 0, 0, 0, 0));
            } else {
                WeeklyReport.Counts counts = WeeklyReport.counts(history, week, today);
                outcomes = counts.days;
                weeks.add(new Week(week.start(), weekState(counts, perWeek), counts.scheduled, counts.done,
                        counts.skipped, counts.missed, counts.pending));
            }
            List<LocalDate> dates = week.days();
            for (int i = 0; i < 7; i++) {
                LocalDate date = dates.get(i);
                if (date.isBefore(from) || date.isAfter(to)) {
                    continue;
                }
                DayState state = outcomes.isEmpty() ? DayState.FUTURE : state(outcomes.get(i));
                // A later day shows its entry (a user who moved west may have one), else it is the future.
                boolean entry = state == DayState.DONE || state == DayState.DONE_NOT_COUNTED || state == DayState.SKIPPED;
                days.add(new Day(date, date.isAfter(today) && !entry ? DayState.FUTURE : state));
            }
        }
        return new HabitCalendar(from, to, days, weeks);
    }

    /** Refuses a reversed range or one longer than {@value #MAX_DAYS} days. */
    public static void checkRange(LocalDate from, LocalDate to) {
        InvalidInputException.requirePresent(from, "from");
        InvalidInputException.requirePresent(to, "to");
        InvalidInputException.require(!to.isBefore(from), "to", "a date on or after from (" + from + "), got " + to);
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        InvalidInputException.require(length <= MAX_DAYS, "to",
                "at most " + MAX_DAYS + " days after from (about two years), got " + length + " days");
    }

    /** How many of each state the calendar holds. */
    public long count(DayState state) {
        return days.stream().filter(d -> d.state() == state).count();
    }

    private static WeekState weekState(WeeklyReport.Counts counts, boolean perWeek) {
        if (counts.missed > 0) {
            return WeekState.MISSED;
        }
        if (counts.pending > 0) {
            return WeekState.OPEN;
        }
        if (perWeek) {
            return counts.rate.isPresent() && counts.rate.getAsDouble() >= 1.0 ? WeekState.MET : WeekState.EXCUSED;
        }
        return counts.done > 0 ? WeekState.MET : WeekState.EXCUSED;
    }

    private static DayState state(DayOutcome outcome) {
        return switch (outcome) {
            case DONE -> DayState.DONE;
            case DONE_NOT_COUNTED -> DayState.DONE_NOT_COUNTED;
            case SKIPPED -> DayState.SKIPPED;
            case MISSED -> DayState.MISSED;
            case OPEN -> DayState.OPEN;
            case PAUSED -> DayState.PAUSED;
            case NOT_SCHEDULED -> DayState.NOT_SCHEDULED;
            case NO_ENTRY -> DayState.NO_ENTRY;
            case BEFORE_START -> DayState.BEFORE_START;
        };
    }
}
