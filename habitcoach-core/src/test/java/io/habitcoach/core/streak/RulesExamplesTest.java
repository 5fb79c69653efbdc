package io.habitcoach.core.streak;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.goal.GoalProgress;
import io.habitcoach.core.goal.SubtaskState;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.UserDay;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static io.habitcoach.core.streak.StreakScenariosTest.dates;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/**
 * The worked examples of docs/rules.md, one test each, named as the document names them. 2024-03-04 is
 * a Monday.
 */
class RulesExamplesTest {

    // ---------------------------------------------------------------- 1. Time

    @Test
    void r1_1_aNightOwlLogsMondaysRunAt0230OnTuesday() {
        UserDay nightOwl = UserDay.of("America/Sao_Paulo", LocalTime.of(4, 0));
        // 02:30 on Tuesday 5 March in São Paulo (UTC-3) is 05:30 UTC
        LocalDate day = nightOwl.dateOf(Instant.parse("2024-03-05T05:30:00Z"));
        assertThat(day).isEqualTo(d("2024-03-04"));
        // so Monday's entry keeps a daily run that had Saturday and Sunday
        StreakSummary streak = Streaks.compute(Frequency.daily(), List.of(d("2024-03-02"), d("2024-03-03"), day),
                nightOwl.dateOf(Instant.parse("2024-03-05T05:30:00Z")));
        assertThat(streak).isEqualTo(new StreakSummary(3, 3, 3, false));
    }

    @Test
    void r1_2_aDstSwitchDayIsAnOrdinaryDay() {
        // São Paulo skipped 00:00-01:00 on 4 November 2018. Completions at noon on the 3rd, 4th and 5th:
        UserDay saoPaulo = UserDay.of("America/Sao_Paulo", LocalTime.MIDNIGHT);
        List<LocalDate> done = List.of(saoPaulo.dateOf(Instant.parse("2018-11-03T15:00:00Z")),
                saoPaulo.dateOf(Instant.parse("2018-11-04T14:00:00Z")),
                saoPaulo.dateOf(Instant.parse("2018-11-05T14:00:00Z")));
        assertThat(done).containsExactly(d("2018-11-03"), d("2018-11-04"), d("2018-11-05"));
        assertThat(Streaks.compute(Frequency.daily(), done, d("2018-11-05")).current()).isEqualTo(3);
    }

    @Test
    void r1_3_aMoveFromUtcMinus3ToUtcPlus9BetweenTwoCompletions() {
        UserDay saoPaulo = UserDay.of("America/Sao_Paulo", LocalTime.MIDNIGHT);
        UserDay tokyo = UserDay.of("Asia/Tokyo", LocalTime.MIDNIGHT);
        LocalDate first = saoPaulo.dateOf(Instant.parse("2024-03-04T15:00:00Z"));  // 12:00 in São Paulo
        LocalDate second = tokyo.dateOf(Instant.parse("2024-03-04T23:00:00Z"));    // 08:00 the next day in Tokyo
        assertThat(first).isEqualTo(d("2024-03-04"));
        assertThat(second).isEqualTo(d("2024-03-05"));
        assertThat(Streaks.compute(Frequency.daily(), List.of(first, second), second).current()).isEqualTo(2);
    }

    @Test
    void r1_4_weeksStartOnMondayUnlessConfigured() {
        // once a week, done on Saturday 9 and Sunday 10 March
        HabitHistory monday = HabitHistory.builder(Frequency.timesPerWeek(1)).done(dates("2024-03-09", "2024-03-10")).build();
        HabitHistory sunday = monday.toBuilder().firstDayOfWeek(DayOfWeek.SUNDAY).build();
        assertThat(Streaks.compute(monday, d("2024-03-10")).current()).isEqualTo(1);
        assertThat(Streaks.compute(sunday, d("2024-03-10")).current()).isEqualTo(2);
    }

    @Test
    void r1_5_aDoneDayAfterTodayIsTheCurrentPeriod() {
        // logged 6 March in Tokyo, then flew to São Paulo where it is still the 5th
        StreakSummary streak = Streaks.compute(Frequency.daily(), dates("2024-03-05", "2024-03-06"), d("2024-03-05"));
        assertThat(streak).isEqualTo(new StreakSummary(2, 2, 2, false));
    }

    // ---------------------------------------------------------------- 2. Schedules

    @Test
    void r2_1_invalidSchedulesNameTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> Frequency.timesPerWeek(8)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo("timesPerWeek is invalid: an integer from 1 to 7, got 8"));
        assertThatThrownBy(() -> Frequency.specificDays(java.util.Set.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specificDays"));
        assertThatThrownBy(() -> Frequency.of(FrequencyType.DAILY, null, 3))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timesPerWeek"));
    }

    // ---------------------------------------------------------------- 3. Completion window

    @Test
    void r3_1_theWindowIsTodayAndTheSevenDaysBefore() {
        CompletionWindow.standard().check(d("2024-02-26"), d("2024-03-04"));
        assertThatThrownBy(() -> CompletionWindow.standard().check(d("2024-02-25"), d("2024-03-04")))
                .isInstanceOf(CompletionWindowException.class)
                .hasMessage("date 2024-02-25 is outside the completion window: allowed from 2024-02-26 to 2024-03-04 inclusive");
    }

    @Test
    void r3_2_tuesdayForAMonWedFriHabitCountsInTheTotalOnly() {
        Frequency monWedFri = Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY);
        assertThat(Streaks.compute(monWedFri, dates("2024-03-04", "2024-03-05", "2024-03-06"), d("2024-03-06")))
                .isEqualTo(new StreakSummary(2, 2, 3, false));
    }

    @Test
    void r3_3_aSkippedDayNeitherCountsNorBreaks() {
        HabitHistory history = HabitHistory.builder(Frequency.daily()).done(dates("2024-03-01", "2024-03-02", "2024-03-04"))
                .skipped(d("2024-03-03")).build();
        assertThat(Streaks.compute(history, d("2024-03-04"))).isEqualTo(new StreakSummary(3, 3, 3, false));
    }

    // ---------------------------------------------------------------- 4. Streaks

    @Test
    void r4_1_theOpenDayNeitherCountsNorBreaks() {
        List<LocalDate> done = dates("2024-03-01", "2024-03-02", "2024-03-03");
        assertThat(Streaks.compute(Frequency.daily(), done, d("2024-03-04"))).isEqualTo(new StreakSummary(3, 3, 3, true));
        assertThat(Streaks.compute(Frequency.daily(), done, d("2024-03-05"))).isEqualTo(new StreakSummary(0, 3, 3, false));
    }

    @Test
    void r4_2_threePerWeekAnOpenWeekAndABrokenWeek() {
        List<LocalDate> done = dates("2024-02-19", "2024-02-21", "2024-02-23", // met
                "2024-02-26", "2024-02-28",                                     // 2 of 3: broken
                "2024-03-04", "2024-03-05");                                    // 2 of 3, open
        assertThat(Streaks.compute(Frequency.timesPerWeek(3), done, d("2024-03-06")))
                .isEqualTo(new StreakSummary(0, 1, 7, false));
    }

    @Test
    void r4_3_aPauseAcrossAMissedWeek() {
        HabitHistory history = HabitHistory.builder(Frequency.daily())
                .done(dates("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-11", "2024-03-12"))
                .paused(d("2024-03-04"), d("2024-03-11")).build();
        assertThat(Streaks.compute(history, d("2024-03-12"))).isEqualTo(new StreakSummary(5, 5, 5, false));
    }

    @Test
    void r4_4_aPartlyPausedPerWeekWeekCountsOnlyIfMet() {
        // 3 per week; the week of 4 March has one done day and is paused from the 5th to the 10th
        HabitHistory history = HabitHistory.builder(Frequency.timesPerWeek(3))
                .done(dates("2024-02-26", "2024-02-28", "2024-03-01", "2024-03-04", "2024-03-11", "2024-03-12", "2024-03-13"))
                .paused(d("2024-03-05"), d("2024-03-11")).build();
        assertThat(Streaks.compute(history, d("2024-03-13"))).isEqualTo(new StreakSummary(2, 2, 7, false));
    }

    @Test
    void r4_5_aSkipLowersAPerWeekTargetByOne() {
        HabitHistory history = HabitHistory.builder(Frequency.timesPerWeek(3))
                .done(dates("2024-03-04", "2024-03-06")).skipped(d("2024-03-08")).build();
        assertThat(Streaks.compute(history, d("2024-03-10"))).isEqualTo(new StreakSummary(1, 1, 2, false));
        // two skips with nothing done excuse a 2-per-week week altogether
        HabitHistory excused = HabitHistory.builder(Frequency.timesPerWeek(2))
                .done(dates("2024-02-26", "2024-02-28", "2024-03-11", "2024-03-12"))
                .skipped(d("2024-03-04"), d("2024-03-05")).build();
        assertThat(Streaks.compute(excused, d("2024-03-12")).current()).isEqualTo(2);
    }

    @Test
    void r4_6_theIncrementalFormAndItsFallbacks() {
        Schedule daily = Schedule.of(Frequency.daily());
        StreakState stored = Streaks.state(HabitHistory.of(Frequency.daily(), dates("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05")));
        // today's completion: incremental
        StreakState today = Streaks.addDone(stored, daily, d("2024-03-06")).orElseThrow();
        assertThat(today.asOf(daily, d("2024-03-06"))).isEqualTo(new StreakSummary(3, 3, 5, false));
        // back-filling the 3rd merges the two runs: not incremental, recompute
        assertThat(Streaks.addDone(today, daily, d("2024-03-03"))).isEmpty();
        StreakState recomputed = Streaks.state(HabitHistory.of(Frequency.daily(),
                dates("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05", "2024-03-06")));
        assertThat(recomputed.asOf(daily, d("2024-03-06"))).isEqualTo(new StreakSummary(6, 6, 6, false));
    }

    // ---------------------------------------------------------------- 5. Habit strength

    @Test
    void r5_1_aDailyHabitReachesOneHalfAfterThirteenDays() {
        List<LocalDate> done = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            done.add(d("2024-03-01").plusDays(i));
        }
        assertThat(HabitStrength.score(Frequency.daily(), done, d("2024-03-13"))).isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void r5_2_threePerWeekWorkedExample() {
        double m = Math.pow(0.5, Math.sqrt(3.0 / 7.0) / 13.0);   // 0.96570...
        double s = 0;
        s = s * m + (1 / 6.0) * (1 - m);                          // Mon 4: 1 done in the window of 14 days
        s = s * m + (1 / 6.0) * (1 - m);                          // Tue 5: still 1
        s = s * m + (2 / 6.0) * (1 - m);                          // Wed 6: 2
        s = s * m + (2 / 6.0) * (1 - m);                          // Thu 7: 2
        s = s * m + (3 / 6.0) * (1 - m);                          // Fri 8: 3 (Sat 9 is today, open)
        assertThat(m).isCloseTo(0.96570, offset(1e-5));
        assertThat(s).isCloseTo(0.04898, offset(1e-4));
        assertThat(HabitStrength.score(Frequency.timesPerWeek(3), dates("2024-03-04", "2024-03-06", "2024-03-08"),
                d("2024-03-09"))).isCloseTo(s, offset(1e-15));
    }

    // ---------------------------------------------------------------- 6. Milestones

    @Test
    void r6_1_milestonesAreRaisedOncePerRun() {
        assertThat(Milestones.crossed(FrequencyType.DAILY, 6, 7)).containsExactly(7);
        assertThat(Milestones.crossed(FrequencyType.DAILY, 7, 6)).isEmpty();
        assertThat(Milestones.crossed(FrequencyType.PER_WEEK, 3, 4)).containsExactly(4);
        // the run is identified by its start: an undo and redo of day 7 is the same run, the same key
        Schedule daily = Schedule.of(Frequency.daily());
        StreakState seven = Streaks.state(HabitHistory.of(Frequency.daily(), dates("2024-03-01", "2024-03-02",
                "2024-03-03", "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07")));
        assertThat(seven.currentRunStart(daily, d("2024-03-07"))).contains(d("2024-03-01"));
    }

    // ---------------------------------------------------------------- weekly report

    @Test
    void r6_2_aWeeklyReport() {
        HabitHistory history = HabitHistory.builder(Frequency.daily())
                .done(dates("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05",
                        "2024-03-08", "2024-03-09", "2024-03-10"))
                .skipped(d("2024-03-06")).build();
        WeeklyReport report = WeeklyReport.of(history, new CalendarWeek(d("2024-03-04")), d("2024-03-11"));
        assertThat(List.of(report.scheduled(), report.done(), report.skipped(), report.missed()))
                .containsExactly(7, 5, 1, 1);
        assertThat(report.completionRate()).isEqualTo(OptionalDouble.of(5 / 6.0));
        assertThat(report.streakAtWeekEnd()).isEqualTo(3);
        assertThat(report.streakChange()).isZero();
    }

    // ---------------------------------------------------------------- 7. Goals

    @Test
    void r7_1_aGoalCompletesWithItsLastSubtaskAndReopens() {
        Instant now = Instant.parse("2024-03-04T12:00:00Z");
        SubtaskState last = SubtaskState.pending().start().complete(now);
        assertThat(last.completedAt()).isEqualTo(now);
        GoalProgress before = GoalProgress.of(List.of(SubtaskStatus.COMPLETED, SubtaskStatus.IN_PROGRESS));
        GoalProgress after = GoalProgress.of(List.of(SubtaskStatus.COMPLETED, last.status()));
        assertThat(after.nextStatus(GoalStatus.ACTIVE, before, true)).isEqualTo(GoalStatus.COMPLETED);
        assertThat(last.reopen().completedAt()).isNull();
        assertThat(before.nextStatus(GoalStatus.COMPLETED, after, true)).isEqualTo(GoalStatus.ACTIVE);
    }
}
