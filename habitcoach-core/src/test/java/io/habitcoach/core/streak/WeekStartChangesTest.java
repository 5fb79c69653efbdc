package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.schedule.WeekStartHistory;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/rules.md, "Changing the first day of the week": the worked example and the transition rule. */
class WeekStartChangesTest {

    private static final Frequency THREE = Frequency.timesPerWeek(3);
    // Wednesday 11 March 2026: the user switches from Monday weeks to Sunday weeks
    private static final LocalDate CHANGE_DAY = LocalDate.of(2026, 3, 11);

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    private static final List<LocalDate> DONE = List.of(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 24),
            LocalDate.of(2026, 2, 25), march(2), march(7), march(8), march(9));

    private static HabitHistory versioned(List<LocalDate> done) {
        WeekStartHistory weeks = WeekStartHistory.of(DayOfWeek.MONDAY).change(CHANGE_DAY, DayOfWeek.SUNDAY);
        return HabitHistory.builder(THREE).weekStarts(weeks).done(done).build();
    }

    @Test
    void theWorkedExample() {
        WeekStartHistory weeks = WeekStartHistory.of(DayOfWeek.MONDAY).change(CHANGE_DAY, DayOfWeek.SUNDAY);
        // today's Monday week began on the 9th, today's Sunday week on the 8th: the later one, the 9th
        assertThat(weeks.starts()).containsExactly(new WeekStartHistory.Start(ScheduleHistory.ALWAYS, DayOfWeek.MONDAY),
                new WeekStartHistory.Start(march(9), DayOfWeek.SUNDAY));
        assertThat(weeks.current()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(weeks.on(march(8))).isEqualTo(DayOfWeek.MONDAY);

        // Monday weeks: 23 Feb (3 of 3) and 2 Mar (Mon 2, Sat 7, Sun 8: 3 of 3) are met
        // (the week of 9 Mar, 1 of 3 so far, is open: at risk)
        HabitHistory before = HabitHistory.builder(THREE).done(DONE).build();
        assertThat(Streaks.compute(before, CHANGE_DAY)).isEqualTo(new StreakSummary(2, 2, 7, true));

        // re-bucketed into Sunday weeks (what an unversioned change did): 1-7 Mar holds Mon 2 and Sat 7
        // only, 2 of 3, missed: the streak of 2 became 0
        HabitHistory rebucketed = HabitHistory.builder(THREE).firstDayOfWeek(DayOfWeek.SUNDAY).done(DONE).build();
        assertThat(Streaks.compute(rebucketed, CHANGE_DAY).current()).isZero();

        // versioned: the two Monday weeks keep their days; 9-14 Mar is a partial week (Mon 9 done, 1 of 3:
        // open, and excused should it stay short, so not at risk); Sunday weeks from the 15th
        HabitHistory after = versioned(DONE);
        assertThat(Streaks.compute(after, CHANGE_DAY)).isEqualTo(new StreakSummary(2, 2, 7, false));
        assertThat(Streaks.compute(after, march(14)).current()).isEqualTo(2);
        // the partial week, short, is excused: the run waits for the first Sunday week (15-21 Mar) ...
        assertThat(Streaks.compute(after, march(21))).isEqualTo(new StreakSummary(2, 2, 7, true));
        // ... and breaks when it closes unmet
        assertThat(Streaks.compute(after, march(22)).current()).isZero();

        // done Tue 10 and Wed 11 too: the partial week is met, 3
        HabitHistory met = versioned(List.of(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 24),
                LocalDate.of(2026, 2, 25), march(2), march(7), march(8), march(9), march(10), march(11)));
        assertThat(Streaks.compute(met, CHANGE_DAY)).isEqualTo(new StreakSummary(3, 3, 9, false));
        // and the Sunday week 15-21 Mar, met on Sun 15, Mon 16 and Sat 21, makes 4
        HabitHistory sundays = met.toBuilder().done(march(15), march(16), march(21)).build();
        assertThat(Streaks.compute(sundays, march(21))).isEqualTo(new StreakSummary(4, 4, 12, false));
    }

    @Test
    void aLaterFirstDayCutsTodaysWeekShortInstead() {
        // Monday to Tuesday on Wednesday 11 March: Tuesday weeks from Tue 10; Mon 9 alone is a partial week
        WeekStartHistory weeks = WeekStartHistory.of(DayOfWeek.MONDAY).change(CHANGE_DAY, DayOfWeek.TUESDAY);
        assertThat(weeks.starts().get(1)).isEqualTo(new WeekStartHistory.Start(march(10), DayOfWeek.TUESDAY));
        // Mon 2 - Sun 8 met (2, 4, 6), Mon 9 alone: partial, excused; Tue 10 - Mon 16 met (10, 12, 16)
        HabitHistory history = HabitHistory.builder(THREE).weekStarts(weeks)
                .done(march(2), march(4), march(6), march(9), march(10), march(12), march(16)).build();
        assertThat(Streaks.compute(history, march(16))).isEqualTo(new StreakSummary(2, 2, 7, false));
    }

    @Test
    void severalChangesInOneWeekAndChangingBack() {
        WeekStartHistory mondays = WeekStartHistory.of(DayOfWeek.MONDAY);
        assertThat(mondays.change(CHANGE_DAY, DayOfWeek.MONDAY)).isSameAs(mondays);
        WeekStartHistory sundays = mondays.change(CHANGE_DAY, DayOfWeek.SUNDAY);
        // back to Monday the next day: as if nothing had changed
        assertThat(sundays.change(march(12), DayOfWeek.MONDAY)).isEqualTo(mondays);
        // to Saturday the next day: takes effect with the Sunday change, never before it (8 Mar, the
        // Sunday week's start, ended a Monday week)
        WeekStartHistory saturdays = sundays.change(march(12), DayOfWeek.SATURDAY);
        assertThat(saturdays.starts()).containsExactly(new WeekStartHistory.Start(ScheduleHistory.ALWAYS, DayOfWeek.MONDAY),
                new WeekStartHistory.Start(march(9), DayOfWeek.SATURDAY));
        // a week later, to Thursday: from today's Saturday week's start (14 Mar) or Thursday's (19 Mar)
        assertThat(saturdays.change(march(20), DayOfWeek.THURSDAY).starts().get(2))
                .isEqualTo(new WeekStartHistory.Start(march(19), DayOfWeek.THURSDAY));
    }

    @Test
    void aDailyHabitIsNotAffected() {
        WeekStartHistory weeks = WeekStartHistory.of(DayOfWeek.MONDAY).change(CHANGE_DAY, DayOfWeek.SUNDAY);
        HabitHistory history = HabitHistory.builder(Frequency.daily()).weekStarts(weeks)
                .done(march(8), march(9), march(10), march(11)).build();
        assertThat(Streaks.compute(history, CHANGE_DAY)).isEqualTo(new StreakSummary(4, 4, 4, false));
        assertThat(Streaks.state(history)).isEqualTo(Streaks.state(HabitHistory.builder(Frequency.daily())
                .done(march(8), march(9), march(10), march(11)).build()));
    }

    @Test
    void badHistoriesAreRefused() {
        assertThatThrownBy(() -> new WeekStartHistory(List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("starts");
        assertThatThrownBy(() -> new WeekStartHistory(List.of(new WeekStartHistory.Start(march(1), DayOfWeek.MONDAY))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("starts");
        assertThatThrownBy(() -> new WeekStartHistory(List.of(
                new WeekStartHistory.Start(ScheduleHistory.ALWAYS, DayOfWeek.MONDAY),
                new WeekStartHistory.Start(march(9), DayOfWeek.SUNDAY),
                new WeekStartHistory.Start(march(9), DayOfWeek.MONDAY))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ascending");
    }
}
