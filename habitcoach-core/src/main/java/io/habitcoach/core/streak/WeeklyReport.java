package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One habit's week, as plain data for the weekly coach message.
 *
 * <p>Daily and specific-days habits count days: {@code scheduled = done + skipped + missed + pending}
 * over the scheduled weekdays that were not paused and not before the habit's start. Per-week habits
 * count the week's target: {@code scheduled} is N, {@code done} the counted done days, {@code skipped}
 * the skipped days, and {@code missed} (closed week) or {@code pending} (open week) what was lacking of
 * the week's target {@code max(1, N - skipped)}; a closed week that a pause or N skips excuse is never
 * missed.
 *
 * @param week            the calendar week
 * @param frequency       the habit's kind of schedule (units: days, or weeks for per-week)
 * @param scheduled       see above
 * @param done            completions that count towards the schedule
 * @param skipped         skipped days that were due
 * @param missed          what closed undone
 * @param pending         what is still due in an open week
 * @param extra           completions that count in the total only (unscheduled weekday, paused day)
 * @param completionRate  daily and specific days: done / (done + missed); per week: 1 when the week is
 *                        met, else done / target. Empty when nothing was due yet (or an excused
 *                        per-week week)
 * @param streakAtWeekEnd the current streak when the week closed (as of today for the open week)
 * @param streakChange    {@code streakAtWeekEnd} minus the streak when the previous week closed
 * @param days            the seven days' outcomes, in week order
 */
public record WeeklyReport(
        CalendarWeek week,
        FrequencyType frequency,
        int scheduled,
        int done,
        int skipped,
        int missed,
        int pending,
        int extra,
        OptionalDouble completionRate,
        int streakAtWeekEnd,
        int streakChange,
        List<DayOutcome> days) {

    public WeeklyReport {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(completionRate, "completionRate");
        days = List.copyOf(days);
        if (days.size() != 7) {
            throw new IllegalArgumentException("a week has seven days, got " + days.size());
        }
    }

    /** The report for the week that starts on {@code weekStart}. */
    public static WeeklyReport of(HabitHistory history, LocalDate weekStart, LocalDate today) {
        return of(history, new CalendarWeek(InvalidInputException.requirePresent(weekStart, "weekStart")), today);
    }

    /**
     * The report of {@code history} for {@code week}, as of {@code today}. The week must have started by
     * today; for a per-week habit it must be one of the habit's calendar weeks (same first day).
     */
    public static WeeklyReport of(HabitHistory history, CalendarWeek week, LocalDate today) {
        Objects.requireNonNull(history, "history");
        InvalidInputException.requirePresent(week, "week");
        Objects.requireNonNull(today, "today");
        InvalidInputException.require(!week.start().isAfter(today), "week",
                "a week that has started by today (" + today + "), got one starting " + week.start());
        // A changed schedule: the week is judged by the frequency in force on its last day (today while
        // open), each day by the weekdays in force on it (docs/rules.md, "Schedule changes").
        Spans spans = spans(history);
        Schedule schedule = judgingSchedule(history, spans, week, today);
        boolean perWeek = schedule.frequency() instanceof Frequency.TimesPerWeek;
        InvalidInputException.require(!perWeek || week.firstDayOfWeek() == schedule.firstDayOfWeek(), "week",
                "a week starting on " + schedule.firstDayOfWeek() + " like the habit's weeks, got one starting on "
                        + week.firstDayOfWeek());

        int streakAtEnd = streakWhenClosed(history, spans, week, today);
        int streakBefore = streakWhenClosed(history, spans, week.previous(), today);
        Counts counts = perWeek
                ? perWeek(history, ((Frequency.TimesPerWeek) schedule.frequency()).times(), week, today)
                : perDay(history, spans, week, today);
        return new WeeklyReport(week, schedule.frequency().type(), counts.scheduled, counts.done, counts.skipped,
                counts.missed, counts.pending, counts.extra, counts.rate, streakAtEnd, streakAtEnd - streakBefore,
                counts.days);
    }

    /** The week's days and counts, without the streaks: what {@link HabitCalendar} draws. */
    static Counts counts(HabitHistory history, CalendarWeek week, LocalDate today) {
        Spans spans = spans(history);
        Schedule schedule = judgingSchedule(history, spans, week, today);
        return schedule.frequency() instanceof Frequency.TimesPerWeek perWeek
                ? perWeek(history, perWeek.times(), week, today)
                : perDay(history, spans, week, today);
    }

    /** The schedule's spans when it changed, else null (one frequency throughout). */
    private static Spans spans(HabitHistory history) {
        Spans spans = history.schedules().spans().size() > 1 ? Spans.of(history, true) : null;
        return spans != null && spans.size == 1 ? null : spans;
    }

    /** The schedule that judges the week: the one in force on its last day (today while open). */
    private static Schedule judgingSchedule(HabitHistory history, Spans spans, CalendarWeek week, LocalDate today) {
        LocalDate judgedOn = week.end().isBefore(today) ? week.end() : today;
        return spans == null ? history.schedule()
                : Schedule.of(spans.frequencyAt(Days.of(judgedOn, "today")), history.firstDayOfWeek());
    }

    /** The current streak once the week closed, over the entries up to its end; as of today if still open. */
    private static int streakWhenClosed(HabitHistory history, Spans spans, CalendarWeek week, LocalDate today) {
        LocalDate through = week.end().isBefore(today) ? week.end() : today;
        LocalDate asOf = week.end().isBefore(today) ? week.end().plusDays(1) : today;
        Schedule schedule = spans == null ? history.schedule()
                : Schedule.of(spans.frequencyAt(Days.of(asOf, "today")), history.firstDayOfWeek());
        return Streaks.stateThrough(history, through).asOf(schedule, asOf).current();
    }

    private static Counts perDay(HabitHistory history, Spans spans, CalendarWeek week, LocalDate today) {
        int mask = history.mask();
        int todayDay = Days.of(today, "today");
        int start = Days.of(week.start(), "week");
        Counts counts = new Counts();
        for (int day = start; day < start + 7; day++) {
            boolean isDone = history.isDone(day);
            boolean isSkipped = history.isSkipped(day);
            if (spans != null) {
                int span = spans.indexAt(day);
                mask = spans.target[span] == 0 ? spans.mask[span] : 0; // a cut-short per-week span: not by day
            }
            boolean scheduled = Days.inMask(mask, day);
            DayOutcome outcome;
            if (history.isPaused(day)) {
                outcome = isDone ? DayOutcome.DONE_NOT_COUNTED : DayOutcome.PAUSED;
            } else if (!scheduled) {
                outcome = isDone ? DayOutcome.DONE_NOT_COUNTED : DayOutcome.NOT_SCHEDULED;
            } else if (isDone) {
                outcome = DayOutcome.DONE;
            } else if (isSkipped) {
                outcome = DayOutcome.SKIPPED;
            } else if (history.startDay() != Days.NONE && day < history.startDay()) {
                outcome = DayOutcome.BEFORE_START;
            } else {
                outcome = day < todayDay ? DayOutcome.MISSED : DayOutcome.OPEN;
            }
            counts.add(outcome);
        }
        counts.scheduled = counts.done + counts.skipped + counts.missed + counts.pending;
        int due = counts.done + counts.missed;
        counts.rate = due == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) counts.done / due);
        return counts;
    }

    private static Counts perWeek(HabitHistory history, int target, CalendarWeek week, LocalDate today) {
        int start = Days.of(week.start(), "week");
        Counts counts = new Counts();
        boolean touchedByPause = false;
        for (int day = start; day < start + 7; day++) {
            boolean isDone = history.isDone(day);
            DayOutcome outcome;
            if (history.isPaused(day)) {
                touchedByPause = true;
                outcome = isDone ? DayOutcome.DONE_NOT_COUNTED : DayOutcome.PAUSED;
            } else if (isDone) {
                outcome = DayOutcome.DONE;
            } else if (history.isSkipped(day)) {
                outcome = DayOutcome.SKIPPED;
            } else if (history.startDay() != Days.NONE && day < history.startDay()) {
                outcome = DayOutcome.BEFORE_START;
            } else {
                outcome = DayOutcome.NO_ENTRY;
            }
            counts.add(outcome);
        }
        boolean beforeStart = history.startDay() != Days.NONE && start + 6 < history.startDay() && counts.done == 0;
        if (beforeStart) {
            counts.rate = OptionalDouble.empty();
            return counts;
        }
        int weekTarget = Math.max(1, target - counts.skipped);
        boolean met = counts.done >= weekTarget;
        boolean excused = touchedByPause || counts.skipped >= target;
        boolean closed = week.end().isBefore(today);
        counts.scheduled = target;
        if (!met) {
            if (!closed) {
                counts.pending = weekTarget - counts.done;
            } else if (!excused) {
                counts.missed = weekTarget - counts.done;
            }
        }
        if (met) {
            counts.rate = OptionalDouble.of(1.0);
        } else if (closed && excused) {
            counts.rate = OptionalDouble.empty();
        } else {
            counts.rate = OptionalDouble.of((double) counts.done / weekTarget);
        }
        return counts;
    }

    static final class Counts {
        int scheduled;
        int done;
        int skipped;
        int missed;
        int pending;
        int extra;
        OptionalDouble rate = OptionalDouble.empty();
        final List<DayOutcome> days = new ArrayList<>(7);

        void add(DayOutcome outcome) {
            days.add(outcome);
            switch (outcome) {
                case DONE -> done++;
                case DONE_NOT_COUNTED -> extra++;
                case SKIPPED -> skipped++;
                case MISSED -> missed++;
                case OPEN -> pending++;
                default -> {
                }
            }
        }
    }
}
