package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static io.habitcoach.core.streak.StreakScenariosTest.dates;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored state, its reading as of today, and the incremental update, case by case. 2024-03-04 is a Monday. */
class StreakStateTest {

    private static final Schedule DAILY = Schedule.of(Frequency.daily());

    private static StreakState daily(String... done) {
        return Streaks.state(HabitHistory.of(Frequency.daily(), dates(done)));
    }

    @Nested
    class FullState {

        @Test
        void describesTheLatestRunAndWhatIsDueNext() {
            assertThat(daily("2024-03-04", "2024-03-05")).isEqualTo(new StreakState(2, d("2024-03-04"),
                    d("2024-03-05"), d("2024-03-06"), 2, 2, d("2024-03-05"), 0, null, null, 0, null));
        }

        @Test
        void keepsTheRunBeforeTheLatestOne() {
            assertThat(daily("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-06")).isEqualTo(new StreakState(1,
                    d("2024-03-06"), d("2024-03-06"), d("2024-03-07"), 3, 4, d("2024-03-06"), 3, d("2024-03-03"),
                    null, 0, null));
        }

        @Test
        void nextDueSkipsExcusedDaysAndUnscheduledWeekdays() {
            // Mon/Wed/Fri, done Monday 4 March; Wednesday skipped, so Friday is the next due day
            HabitHistory history = HabitHistory.builder(Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY))
                    .done(d("2024-03-04")).skipped(d("2024-03-06")).build();
            StreakState state = Streaks.state(history);
            assertThat(state.nextDue()).isEqualTo(d("2024-03-08"));
            assertThat(state.excusedThrough()).isEqualTo(d("2024-03-06"));
        }

        @Test
        void aPauseThatHasNotEndedLeavesNothingDue() {
            HabitHistory history = HabitHistory.builder(Frequency.daily()).done(d("2024-03-01"))
                    .paused(d("2024-03-02"), null).build();
            StreakState state = Streaks.state(history);
            assertThat(state.nextDue()).isNull();
            assertThat(state.excusedThrough()).isEqualTo(StreakState.OPEN_PAUSE);
        }

        @Test
        void perWeekKeepsTheLatestUnmetWeekAndItsCount() {
            StreakState state = Streaks.state(HabitHistory.of(Frequency.timesPerWeek(3), dates("2024-03-04", "2024-03-05")));
            assertThat(state).isEqualTo(new StreakState(0, null, null, null, 0, 2, d("2024-03-05"), 0, null,
                    d("2024-03-04"), 2, null));
        }

        @Test
        void rejectsInconsistentStoredValues() {
            assertThatThrownBy(() -> new StreakState(2, null, null, null, 2, 2, d("2024-03-05"), 0, null, null, 0, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runStart");
            assertThatThrownBy(() -> new StreakState(3, d("2024-03-01"), d("2024-03-03"), null, 2, 3, d("2024-03-03"),
                    0, null, null, 0, null)).isInstanceOf(IllegalArgumentException.class);
            // a previous run without a latest one: hand-edited rows, refused by name rather than an NPE
            assertThatThrownBy(() -> new StreakState(0, null, null, null, 2, 2, d("2024-03-02"), 2, d("2024-03-02"),
                    null, 0, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous run");
        }
    }

    @Nested
    class AsOfToday {

        private final StreakState state = daily("2024-03-01", "2024-03-02", "2024-03-03");

        @Test
        void onTheLastDoneDayTheRunCounts() {
            assertThat(state.asOf(DAILY, d("2024-03-03"))).isEqualTo(new StreakSummary(3, 3, 3, false));
        }

        @Test
        void theNextDayIsOpenAndAtRisk() {
            assertThat(state.asOf(DAILY, d("2024-03-04"))).isEqualTo(new StreakSummary(3, 3, 3, true));
        }

        @Test
        void aStreakBrokenSinceTheLastCompletionReadsZeroWithoutAnyJob() {
            assertThat(state.asOf(DAILY, d("2024-03-05"))).isEqualTo(new StreakSummary(0, 3, 3, false));
            assertThat(state.currentRunStart(DAILY, d("2024-03-05"))).isEmpty();
            assertThat(state.currentRunStart(DAILY, d("2024-03-04"))).contains(d("2024-03-01"));
        }

        @Test
        void anEmptyStateReadsNothing() {
            assertThat(StreakState.EMPTY.asOf(DAILY, d("2024-03-05"))).isEqualTo(StreakSummary.NONE);
        }
    }

    @Nested
    class AddDone {

        @Test
        void todaysCompletionExtendsTheRun() {
            assertThat(Streaks.addDone(daily("2024-03-04", "2024-03-05"), DAILY, d("2024-03-06"))).contains(
                    new StreakState(3, d("2024-03-04"), d("2024-03-06"), d("2024-03-07"), 3, 3, d("2024-03-06"), 0,
                            null, null, 0, null));
        }

        @Test
        void aCompletionAfterAGapStartsANewRunAndKeepsTheOldOneAsPrevious() {
            assertThat(Streaks.addDone(daily("2024-03-01", "2024-03-02", "2024-03-03"), DAILY, d("2024-03-06")))
                    .contains(new StreakState(1, d("2024-03-06"), d("2024-03-06"), d("2024-03-07"), 3, 4,
                            d("2024-03-06"), 3, d("2024-03-03"), null, 0, null));
        }

        @Test
        void yesterdaysCompletionAfterTodaysJoinsTheRun() {
            assertThat(Streaks.addDone(daily("2024-03-06"), DAILY, d("2024-03-05"))).contains(new StreakState(2,
                    d("2024-03-05"), d("2024-03-06"), d("2024-03-07"), 2, 2, d("2024-03-06"), 0, null, null, 0, null));
        }

        @Test
        void aBackFillThatMergesTwoRunsFallsBack() {
            assertThat(Streaks.addDone(daily("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05"), DAILY,
                    d("2024-03-03"))).isEmpty();
        }

        @Test
        void aBackFillThatExtendsThePreviousRun() {
            Optional<StreakState> after = Streaks.addDone(daily("2024-03-01", "2024-03-02", "2024-03-06", "2024-03-07"),
                    DAILY, d("2024-03-03"));
            assertThat(after).contains(new StreakState(2, d("2024-03-06"), d("2024-03-07"), d("2024-03-08"), 3, 5,
                    d("2024-03-07"), 3, d("2024-03-03"), null, 0, null));
        }

        @Test
        void aBackFillBetweenTwoRunsThatJoinsNeitherBecomesThePreviousRun() {
            Optional<StreakState> after = Streaks.addDone(daily("2024-03-01", "2024-03-07"), DAILY, d("2024-03-04"));
            assertThat(after).contains(new StreakState(1, d("2024-03-07"), d("2024-03-07"), d("2024-03-08"), 1, 3,
                    d("2024-03-07"), 1, d("2024-03-04"), null, 0, null));
        }

        @Test
        void aDateOlderThanThePreviousRunFallsBack() {
            assertThat(Streaks.addDone(daily("2024-03-03", "2024-03-06"), DAILY, d("2024-03-01"))).isEmpty();
        }

        @Test
        void anUnscheduledWeekdayOnlyCountsInTheTotal() {
            Schedule monWedFri = Schedule.of(Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY));
            StreakState monday = Streaks.state(HabitHistory.builder(monWedFri).done(d("2024-03-04")).build());
            StreakState tuesday = Streaks.addDone(monday, monWedFri, d("2024-03-05")).orElseThrow();
            assertThat(tuesday).isEqualTo(new StreakState(1, d("2024-03-04"), d("2024-03-04"), d("2024-03-06"), 1, 2,
                    d("2024-03-05"), 0, null, null, 0, null));
        }

        @Test
        void aDateAfterTheLatestSkipIsIncrementalAndBridgesIt() {
            HabitHistory history = HabitHistory.builder(Frequency.daily()).done(dates("2024-03-01", "2024-03-02"))
                    .skipped(d("2024-03-03")).build();
            StreakState after = Streaks.addDone(Streaks.state(history), DAILY, d("2024-03-04")).orElseThrow();
            assertThat(after.runLength()).isEqualTo(3);
            assertThat(after).isEqualTo(Streaks.state(history.withDone(d("2024-03-04"))));
        }

        @Test
        void aDateOnOrBeforeTheLatestSkipFallsBack() {
            HabitHistory history = HabitHistory.builder(Frequency.daily()).done(dates("2024-03-05", "2024-03-06"))
                    .skipped(d("2024-03-03")).build();
            assertThat(Streaks.addDone(Streaks.state(history), DAILY, d("2024-03-02"))).isEmpty();
        }

        @Test
        void anythingScheduledWhilePausedFallsBack() {
            HabitHistory history = HabitHistory.builder(Frequency.daily()).done(d("2024-03-01"))
                    .paused(d("2024-03-02"), null).build();
            assertThat(Streaks.addDone(Streaks.state(history), DAILY, d("2024-03-05"))).isEmpty();
        }

        @Test
        void perWeekTheThirdCompletionMeetsTheWeek() {
            Schedule threePerWeek = Schedule.of(Frequency.timesPerWeek(3));
            StreakState two = Streaks.state(HabitHistory.builder(threePerWeek).done(dates("2024-03-04", "2024-03-05")).build());
            assertThat(Streaks.addDone(two, threePerWeek, d("2024-03-06"))).contains(new StreakState(1, d("2024-03-04"),
                    d("2024-03-04"), d("2024-03-11"), 1, 3, d("2024-03-06"), 0, null, null, 0, null));
        }

        @Test
        void perWeekAnEarlierWeekWhoseCountIsNotKeptFallsBack() {
            Schedule threePerWeek = Schedule.of(Frequency.timesPerWeek(3));
            StreakState state = Streaks.state(HabitHistory.builder(threePerWeek)
                    .done(dates("2024-02-26", "2024-03-04", "2024-03-05")).build());
            assertThat(Streaks.addDone(state, threePerWeek, d("2024-02-27"))).isEmpty();
        }

        @Test
        void perWeekWithWeeksStartingOnSunday() {
            Schedule oncePerWeek = Schedule.of(Frequency.timesPerWeek(1), java.time.DayOfWeek.SUNDAY);
            StreakState saturday = Streaks.state(HabitHistory.builder(oncePerWeek).done(d("2024-03-09")).build());
            StreakState sunday = Streaks.addDone(saturday, oncePerWeek, d("2024-03-10")).orElseThrow();
            assertThat(sunday.runLength()).isEqualTo(2);
            assertThat(sunday.runStart()).isEqualTo(d("2024-03-03")); // the Sunday that starts Saturday's week
            assertThat(sunday.asOf(oncePerWeek, d("2024-03-10"))).isEqualTo(new StreakSummary(2, 2, 2, false));
        }

        @Test
        void aLongHistoryBuiltOneDayAtATimeEqualsTheFullState() {
            StreakState state = StreakState.EMPTY;
            List<LocalDate> done = new java.util.ArrayList<>();
            for (LocalDate day = d("2023-01-01"); day.isBefore(d("2024-01-01")); day = day.plusDays(1)) {
                if (day.getDayOfMonth() % 10 == 0) {
                    continue; // a miss every ten days or so
                }
                state = Streaks.addDone(state, DAILY, day).orElseThrow();
                done.add(day);
            }
            assertThat(state).isEqualTo(Streaks.state(HabitHistory.of(Frequency.daily(), done)));
            // misses on the 10th, 20th and 30th: most runs are 9 or 10 days, but February 2023 has no 30th,
            // so 21 February to 9 March is the longest: 8 + 9 = 17 days
            assertThat(state.longest()).isEqualTo(17);
        }
    }
}
