package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/rules.md, "Schedule changes": the examples written there, and the issue's. */
class ScheduleChangesTest {

    // Monday 2026-11-09 starts the first week; Monday 2026-11-30 is "today" in the example.
    private static final LocalDate MON = LocalDate.of(2026, 11, 9);
    private static final Frequency MWF = Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);

    private static LocalDate day(int offset) {
        return MON.plusDays(offset);
    }

    private static List<LocalDate> mondayWednesdayFriday(int weeks) {
        List<LocalDate> dates = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            dates.add(day(7 * w));
            dates.add(day(7 * w + 2));
            dates.add(day(7 * w + 4));
        }
        return dates;
    }

    @Test
    void switchingADailyHabitToItsActualDaysDoesNotRewriteThePast() {
        List<LocalDate> done = mondayWednesdayFriday(3);
        LocalDate today = day(21); // Monday of the fourth week
        done.add(today);
        ScheduleHistory changed = ScheduleHistory.of(Frequency.daily()).then(today, MWF);

        assertThat(Streaks.compute(Frequency.daily(), done, today)).isEqualTo(new StreakSummary(1, 1, 10, false));
        // the seed's behaviour: the new schedule judged the whole history
        assertThat(Streaks.compute(MWF, done, today)).isEqualTo(new StreakSummary(10, 10, 10, false));
        // now: the three weeks stay daily (broken every other day), today starts the new schedule
        assertThat(Streaks.compute(changed, done, today)).isEqualTo(new StreakSummary(1, 1, 10, false));

        // from here on Monday/Wednesday/Friday: Tuesday is not due, Wednesday extends the run
        assertThat(Streaks.compute(changed, done, day(22)).current()).isEqualTo(1);
        done.add(day(23));
        assertThat(Streaks.compute(changed, done, day(23))).isEqualTo(new StreakSummary(2, 2, 11, false));
    }

    @Test
    void aLowerWeeklyTargetSetMidWeekJudgesTheWholeCurrentWeek() {
        // 3 per week: week 1 met (Mon, Tue, Wed); week 2 done Monday and Tuesday, then on Wednesday 2 per week
        List<LocalDate> done = List.of(day(0), day(1), day(2), day(7), day(8));
        ScheduleHistory changed = ScheduleHistory.of(Frequency.timesPerWeek(3)).then(day(9), Frequency.timesPerWeek(2));
        assertThat(Streaks.compute(Frequency.timesPerWeek(3), done, day(9)).current()).isEqualTo(1);
        assertThat(Streaks.compute(changed, done, day(9))).isEqualTo(new StreakSummary(2, 2, 5, false));
        // week 1 is still judged by 3: had it only two done days, it would not count
        List<LocalDate> weakFirstWeek = List.of(day(0), day(1), day(7), day(8));
        assertThat(Streaks.compute(changed, weakFirstWeek, day(9))).isEqualTo(new StreakSummary(1, 1, 4, false));
    }

    @Test
    void aHigherWeeklyTargetSetMidWeekLeavesTheCurrentWeekOpen() {
        List<LocalDate> done = List.of(day(0), day(1), day(7), day(8));
        ScheduleHistory changed = ScheduleHistory.of(Frequency.timesPerWeek(2)).then(day(9), Frequency.timesPerWeek(3));
        // week 2 has 2 of 3: open, so the streak is week 1's, at risk
        assertThat(Streaks.compute(changed, done, day(9))).isEqualTo(new StreakSummary(1, 1, 4, true));
        // closed at 2 of 3 it breaks the run
        assertThat(Streaks.compute(changed, done, day(14)).current()).isZero();
    }

    @Test
    void aDailyHabitTurnedWeeklyMidWeekCountsThatWeeksEarlierDays() {
        // daily Monday..Wednesday of week 2 (a run of 3 days), then 3 per week from Thursday
        List<LocalDate> done = List.of(day(7), day(8), day(9));
        ScheduleHistory changed = ScheduleHistory.of(Frequency.daily()).then(day(10), Frequency.timesPerWeek(3));
        // week 2 is judged by 3 per week and met by Monday..Wednesday: the daily run ended the week before
        assertThat(Streaks.compute(changed, done, day(10))).isEqualTo(new StreakSummary(1, 1, 3, false));
        assertThat(Streaks.compute(changed, done, day(16)).current()).isEqualTo(1); // week 3 open
        assertThat(Streaks.compute(changed, done, day(21)).current()).isZero(); // week 3 closed unmet
    }

    @Test
    void aWeeklyHabitTurnedDailyMidWeekForgivesTheCutShortWeek() {
        // 2 per week, week 1 met; week 2 done Monday only, daily from Wednesday
        List<LocalDate> done = new ArrayList<>(List.of(day(0), day(3), day(7)));
        ScheduleHistory changed = ScheduleHistory.of(Frequency.timesPerWeek(2)).then(day(9), Frequency.daily());
        // Monday..Tuesday of week 2 never closed under "2 per week": neither counts nor breaks
        assertThat(Streaks.compute(changed, done, day(9))).isEqualTo(new StreakSummary(1, 1, 3, true));
        done.add(day(9));
        done.add(day(10));
        assertThat(Streaks.compute(changed, done, day(10))).isEqualTo(new StreakSummary(3, 3, 5, false));
        // had Monday and Tuesday met the target, the cut-short week counts
        List<LocalDate> metEarly = List.of(day(0), day(3), day(7), day(8), day(9));
        assertThat(Streaks.compute(changed, metEarly, day(9))).isEqualTo(new StreakSummary(3, 3, 5, false));
    }

    @Test
    void theIncrementalFormDoesNotReachAcrossAChange() {
        HabitHistory history = HabitHistory.builder(Frequency.daily())
                .schedules(ScheduleHistory.of(Frequency.daily()).then(day(9), MWF))
                .done(day(7), day(8)).build();
        StreakState state = Streaks.state(history);
        assertThat(state.excusedThrough()).isEqualTo(day(8));
        // Tuesday before the change was due daily: the MWF mask alone would call it unscheduled
        assertThat(Streaks.addDone(state, history.schedule(), day(6))).isEmpty();
        assertThat(Streaks.addDone(state, history.schedule(), day(11)))
                .contains(Streaks.state(history.withDone(day(11))));
    }

    @Test
    void spansMustAscend() {
        assertThatThrownBy(() -> ScheduleHistory.of(
                new io.habitcoach.core.schedule.ScheduleSpan(day(3), MWF),
                new io.habitcoach.core.schedule.ScheduleSpan(day(3), Frequency.daily())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("spans");
        ScheduleHistory history = ScheduleHistory.of(Frequency.daily()).then(day(3), MWF).then(day(3),
                Frequency.timesPerWeek(2));
        assertThat(history.spans()).hasSize(2);
        assertThat(history.frequencyOn(day(2))).isEqualTo(Frequency.daily());
        assertThat(history.current()).isEqualTo(Frequency.timesPerWeek(2));
        assertThat(ScheduleHistory.of(Frequency.daily()).then(day(3), Frequency.daily()).simplified().spans()).hasSize(1);
    }

    @Test
    void theWeekOfAChangeIsReportedDayByDayWithTheWeekdaysInForce() {
        // daily until Tuesday of week 2, Monday/Wednesday/Friday from its Wednesday; nothing done that week
        HabitHistory history = HabitHistory.builder(MWF)
                .schedules(ScheduleHistory.of(Frequency.daily()).then(day(9), MWF))
                .done(day(0), day(1)).build();
        WeeklyReport changeWeek = WeeklyReport.of(history, day(7), day(14));
        // Monday and Tuesday (daily), Wednesday and Friday (new days): 4 due, all missed; Thursday not due
        assertThat(changeWeek.scheduled()).isEqualTo(4);
        assertThat(changeWeek.missed()).isEqualTo(4);
        assertThat(changeWeek.days().get(3)).isEqualTo(DayOutcome.NOT_SCHEDULED);
        // week 1 is still reported daily: 2 of 7
        WeeklyReport firstWeek = WeeklyReport.of(history, day(0), day(14));
        assertThat(firstWeek.scheduled()).isEqualTo(7);
        assertThat(firstWeek.done()).isEqualTo(2);
        // strength follows the days' rates: the MWF rate from the change on, so it differs from all-daily
        assertThat(HabitStrength.score(history, day(14)))
                .isNotEqualTo(HabitStrength.score(history.withOnly(Frequency.daily()), day(14)));
    }
}
