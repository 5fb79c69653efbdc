package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static io.habitcoach.core.streak.StreakScenariosTest.dates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Habit strength: Loop's smoothing, worked by hand. 2024-03-04 is a Monday. */
class HabitStrengthTest {

    private static final double DAILY_M = Math.pow(0.5, 1.0 / 13.0);

    private static List<LocalDate> days(LocalDate first, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(first.plusDays(i));
        }
        return days;
    }

    @Test
    void aDailyHabitReachesOneHalfAfterThirteenStraightDoneDays() {
        // 1 - m^13 with m^13 = 0.5
        assertThat(HabitStrength.score(Frequency.daily(), days(d("2024-03-01"), 13), d("2024-03-13")))
                .isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void itStartsFromZeroOnTheFirstDoneDate() {
        assertThat(HabitStrength.score(Frequency.daily(), List.of(), d("2024-03-13"))).isZero();
        assertThat(HabitStrength.score(Frequency.daily(), dates("2024-03-13"), d("2024-03-13")))
                .isCloseTo(1 - DAILY_M, offset(1e-15));
    }

    @Test
    void todayIsOpenUntilDone() {
        // thirteen done days through yesterday: today, not done yet, does not lower the score
        assertThat(HabitStrength.score(Frequency.daily(), days(d("2024-03-01"), 13), d("2024-03-14")))
                .isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void aMissedDayDecaysTheScoreOnceButForgivesTheRest() {
        // 13 done, the 14th missed (closed on the 15th): 0.5 * m
        assertThat(HabitStrength.score(Frequency.daily(), days(d("2024-03-01"), 13), d("2024-03-15")))
                .isCloseTo(0.5 * DAILY_M, offset(1e-12));
    }

    @Test
    void skippedAndPausedDaysLeaveTheScoreAsItIs() {
        HabitHistory skipped = HabitHistory.builder(Frequency.daily()).done(days(d("2024-03-01"), 13))
                .skipped(d("2024-03-14")).build();
        assertThat(HabitStrength.score(skipped, d("2024-03-15"))).isCloseTo(0.5, offset(1e-12));

        HabitHistory paused = HabitHistory.builder(Frequency.daily()).done(days(d("2024-03-01"), 13))
                .paused(d("2024-03-14"), d("2024-03-30")).build();
        assertThat(HabitStrength.score(paused, d("2024-03-30"))).isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void threePerWeekCountsTheShareOfTheTargetInTheLastFourteenDays() {
        // f = 3/7, window 14 days, target 2 * 3 = 6. Done Mon 4, Wed 6, Fri 8 March; today Saturday 9, not done,
        // so the days scored are Mon..Fri with c = 1/6, 1/6, 2/6, 2/6, 3/6.
        double m = Math.pow(0.5, Math.sqrt(3.0 / 7.0) / 13.0);
        double expected = 0;
        for (double c : new double[] {1 / 6.0, 1 / 6.0, 2 / 6.0, 2 / 6.0, 3 / 6.0}) {
            expected = expected * m + c * (1 - m);
        }
        assertThat(HabitStrength.score(Frequency.timesPerWeek(3), dates("2024-03-04", "2024-03-06", "2024-03-08"),
                d("2024-03-09"))).isCloseTo(expected, offset(1e-15));
    }

    @Test
    void specificDaysUseKOverSevenAndCountAnyDoneDayInTheWindow() {
        // Mon/Wed/Fri: f = 3/7, target 6 in 14 days. A Tuesday counts like any repetition (Loop has no weekdays).
        double m = Math.pow(0.5, Math.sqrt(3.0 / 7.0) / 13.0);
        double expected = 0;
        for (double c : new double[] {1 / 6.0, 2 / 6.0}) {
            expected = expected * m + c * (1 - m);
        }
        Frequency monWedFri = Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(HabitStrength.score(monWedFri, dates("2024-03-04", "2024-03-05"), d("2024-03-05")))
                .isCloseTo(expected, offset(1e-15));
    }

    @Test
    void aMetTargetEveryFortnightHoldsTheCheckmarkAtOne() {
        // 1 per week done every Monday for a year: from the second Monday on, every window of 14 days holds
        // 2 done days = the doubled target, so c = 1 and the score approaches 1 at Loop's slowest pace.
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate day = d("2023-03-06"); day.isBefore(d("2024-03-05")); day = day.plusWeeks(1)) {
            mondays.add(day);
        }
        double score = HabitStrength.score(Frequency.timesPerWeek(1), mondays, d("2024-03-04"));
        assertThat(score).isGreaterThan(0.9).isLessThan(1.0);
    }

    @Test
    void sevenTimesPerWeekAndAllSevenDaysBehaveAsDaily() {
        List<LocalDate> done = dates("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05");
        double daily = HabitStrength.score(Frequency.daily(), done, d("2024-03-06"));
        assertThat(HabitStrength.score(Frequency.timesPerWeek(7), done, d("2024-03-06"))).isEqualTo(daily);
        assertThat(HabitStrength.score(Frequency.specificDays(EnumSet.allOf(DayOfWeek.class)), done, d("2024-03-06")))
                .isEqualTo(daily);
        // by hand: done, done, missed, done, done (the 6th is open): ((((1-m)m + (1-m))m)m + (1-m))m + (1-m)
        double m = DAILY_M;
        double expected = 0;
        for (int c : new int[] {1, 1, 0, 1, 1}) {
            expected = expected * m + c * (1 - m);
        }
        assertThat(daily).isCloseTo(expected, offset(1e-15));
    }

    @Test
    void doneEntriesOnPausedDaysDoNotCount() {
        HabitHistory history = HabitHistory.builder(Frequency.daily()).done(dates("2024-03-01", "2024-03-02"))
                .paused(d("2024-03-01"), d("2024-03-02")).build();
        // the 1st is paused: the score starts on the 2nd
        assertThat(HabitStrength.score(history, d("2024-03-02"))).isCloseTo(1 - DAILY_M, offset(1e-15));
    }
}
