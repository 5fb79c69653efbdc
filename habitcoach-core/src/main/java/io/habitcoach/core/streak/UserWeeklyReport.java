package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.FrequencyType;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's week across their habits: the habits' reports, each weekday's completion rate, and the best
 * and worst weekday.
 *
 * <p>Weekday rates come from daily and specific-days habits only (a per-week habit has no due days).
 * Best is the weekday with the highest rate, worst the one with the lowest, among weekdays with
 * something due; ties go to the weekday with more due occurrences, then to the earlier day in the
 * week. Both are empty unless at least two weekdays have different rates: with one rate for the whole
 * week there is no best or worst day to speak of.
 *
 * @param week     the calendar week
 * @param habits   the habits' reports, in the order given
 * @param weekdays the seven weekdays in week order
 * @param bestDay  the weekday that went best
 * @param worstDay the weekday that went worst
 */
public record UserWeeklyReport(
        CalendarWeek week,
        List<WeeklyReport> habits,
        List<WeekdayRate> weekdays,
        Optional<DayOfWeek> bestDay,
        Optional<DayOfWeek> worstDay) {

    public UserWeeklyReport {
        Objects.requireNonNull(week, "week");
        habits = List.copyOf(habits);
        weekdays = List.copyOf(weekdays);
        Objects.requireNonNull(bestDay, "bestDay");
        Objects.requireNonNull(worstDay, "worstDay");
    }

    /** Aggregates reports that were all made for {@code week}. */
    public static UserWeeklyReport of(CalendarWeek week, List<WeeklyReport> reports) {
        InvalidInputException.requirePresent(week, "week");
        InvalidInputException.requirePresent(reports, "reports");
        int[] done = new int[7];
        int[] due = new int[7];
        for (WeeklyReport report : reports) {
            Objects.requireNonNull(report, "report");
            InvalidInputException.require(report.week().equals(week), "reports",
                    "reports for the week starting " + week.start() + ", got one for " + report.week().start());
            if (report.frequency() == FrequencyType.PER_WEEK) {
                continue;
            }
            for (int i = 0; i < 7; i++) {
                DayOutcome outcome = report.days().get(i);
                if (outcome == DayOutcome.DONE) {
                    done[i]++;
                    due[i]++;
                } else if (outcome == DayOutcome.MISSED) {
                    due[i]++;
                }
            }
        }
        List<WeekdayRate> weekdays = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            weekdays.add(new WeekdayRate(week.firstDayOfWeek().plus(i), done[i], due[i]));
        }
        int best = -1;
        int worst = -1;
        for (int i = 0; i < 7; i++) {
            if (due[i] == 0) {
                continue;
            }
            if (best < 0 || better(done[i], due[i], done[best], due[best]) ) {
                best = i;
            }
            if (worst < 0 || worse(done[i], due[i], done[worst], due[worst])) {
                worst = i;
            }
        }
        boolean spread = best >= 0 && compareRates(done[best], due[best], done[worst], due[worst]) != 0;
        return new UserWeeklyReport(week, reports, Collections.unmodifiableList(weekdays),
                spread ? Optional.of(weekdays.get(best).day()) : Optional.empty(),
                spread ? Optional.of(weekdays.get(worst).day()) : Optional.empty());
    }

    // Strict comparisons: on a full tie the earlier weekday (found first) stays.
    private static boolean better(int done, int due, int bestDone, int bestDue) {
        int byRate = compareRates(done, due, bestDone, bestDue);
        return byRate > 0 || (byRate == 0 && due > bestDue);
    }

    private static boolean worse(int done, int due, int worstDone, int worstDue) {
        int byRate = compareRates(done, due, worstDone, worstDue);
        return byRate < 0 || (byRate == 0 && due > worstDue);
    }

    /** Compares done/due with otherDone/otherDue exactly, without floating point. */
    private static int compareRates(int done, int due, int otherDone, int otherDue) {
        return Long.compare((long) done * otherDue, (long) otherDone * due);
    }
}
