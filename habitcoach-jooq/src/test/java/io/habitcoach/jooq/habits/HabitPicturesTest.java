package io.habitcoach.jooq.habits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.HabitCalendar;
import io.habitcoach.core.streak.HabitCalendar.DayState;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.dashboards.WeeklySummary;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The calendar, the strength series and the home screen's recent days, read from a real database. */
@ExtendWith(HabitCoachDatabaseExtension.class)
class HabitPicturesTest {

    // 12:00 in São Paulo (UTC-3) on Tuesday 2026-03-10; the habits are created a week and a day earlier.
    private final MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final List<String> statements = new ArrayList<>();
    private HabitCoach coach;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> statements.add(ctx.sql()))).load();
        userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    @Test
    void theCalendarDrawsEachDayAsTheRulesSeeIt() {
        Habit run = coach.habits().create(userId, NewHabit.builder().name("Run")
                .frequency(Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)).build());
        clock.advance(Duration.ofDays(2));                         // Wednesday 2026-03-04
        coach.habits().complete(userId, run.id(), LocalDate.of(2026, 3, 2));   // Mon: done
        coach.habits().skip(userId, run.id(), LocalDate.of(2026, 3, 4));       // Wed: skipped
        clock.advance(Duration.ofDays(6));                         // Tuesday 2026-03-10
        coach.habits().complete(userId, run.id(), LocalDate.of(2026, 3, 7));   // Sat: done, not scheduled
        // Fri 6 closed undone: missed; Mon 9: missed; Tue 10 (today): not scheduled; Wed 11: future

        statements.clear();
        HabitCalendar calendar = coach.habits().calendar(userId, run.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11));
        assertThat(statements).as("statements for one calendar").hasSize(1);
        assertThat(calendar.days()).extracting(HabitCalendar.Day::state).containsExactly(
                DayState.NOT_SCHEDULED,   // Sun 1, before the habit existed but not a Mon/Wed/Fri either
                DayState.DONE,            // Mon 2
                DayState.NOT_SCHEDULED,   // Tue 3
                DayState.SKIPPED,         // Wed 4
                DayState.NOT_SCHEDULED,   // Thu 5
                DayState.MISSED,          // Fri 6
                DayState.DONE_NOT_COUNTED, // Sat 7
                DayState.NOT_SCHEDULED,   // Sun 8
                DayState.MISSED,          // Mon 9
                DayState.NOT_SCHEDULED,   // Tue 10, today
                DayState.FUTURE);         // Wed 11

        // The same counts as this week's summary.
        WeeklySummary.HabitWeek week = coach.dashboards().weeklySummary(userId).habits().stream()
                .filter(r -> r.habitId().equals(run.id())).findFirst().orElseThrow();
        assertThat(calendar.weeks()).extracting(HabitCalendar.Week::start).containsExactly(
                LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));   // ISO weeks touched
        assertThat(calendar.weeks().get(2).done()).isEqualTo(week.completedThisWeek());
        assertThat(calendar.weeks().get(2).skipped()).isEqualTo(week.skippedThisWeek());
        assertThat(calendar.weeks().get(1).missed()).isEqualTo(1);
        assertThat(calendar.weeks().get(2).missed()).isEqualTo(1);
        assertThat(calendar.weeks().get(2).state()).isEqualTo(HabitCalendar.WeekState.MISSED);
    }

    @Test
    void thePausedDaysAndTheDaysBeforeTheHabitExistedAreTheirOwnStates() {
        Habit read = coach.habits().create(userId, NewHabit.builder().name("Read").frequency(Frequency.daily()).build());
        clock.advance(Duration.ofDays(6));                         // Sunday 2026-03-08
        coach.habits().pause(userId, read.id());
        clock.advance(Duration.ofDays(2));                         // Tuesday 2026-03-10
        coach.habits().resume(userId, read.id());
        HabitCalendar calendar = coach.habits().calendar(userId, read.id(), LocalDate.of(2026, 2, 28), TODAY);
        assertThat(calendar.days().get(0).state()).isEqualTo(DayState.BEFORE_START);     // Sat 28 Feb
        assertThat(calendar.days().get(2).state()).isEqualTo(DayState.MISSED);           // Mon 2 Mar
        assertThat(calendar.count(DayState.PAUSED)).isEqualTo(2);                       // Sun 8, Mon 9
        assertThat(calendar.days().get(calendar.days().size() - 1).state()).isEqualTo(DayState.OPEN);   // today
    }

    @Test
    void theStrengthSeriesHasTheScoreOfEachDayAndEndsAtTodaysScore() {
        Habit run = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
        clock.advance(Duration.ofDays(8));
        for (int back = 7; back >= 0; back--) {
            coach.habits().complete(userId, run.id(), TODAY.minusDays(back));
        }
        statements.clear();
        List<HabitStrength.DailyScore> series = coach.habits().strengthHistory(userId, run.id(), TODAY.minusDays(9), TODAY);
        assertThat(statements).hasSize(1);
        assertThat(series).hasSize(10);
        assertThat(series.get(0).score()).isZero();
        assertThat(series).extracting(HabitStrength.DailyScore::score).isSorted();
        assertThat(series.get(9).score()).isEqualTo(coach.habits().get(userId, run.id()).strength());
    }

    @Test
    void theHomeScreenGetsEveryActiveHabitsRecentDaysInOneStatement() {
        Habit run = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
        Habit gym = coach.habits().create(userId, NewHabit.builder().name("Gym").frequency(Frequency.timesPerWeek(3)).build());
        clock.advance(Duration.ofDays(8));
        coach.habits().complete(userId, run.id(), TODAY);
        coach.habits().complete(userId, gym.id(), TODAY.minusDays(1));
        statements.clear();
        Map<String, HabitCalendar> recent = coach.dashboards().recentDays(userId, 7);
        assertThat(statements).hasSize(1);
        assertThat(recent.keySet()).containsExactly(run.id(), gym.id());
        assertThat(recent.get(run.id()).days()).hasSize(7).last().extracting(HabitCalendar.Day::state).isEqualTo(DayState.DONE);
        assertThat(recent.get(run.id()).days().get(5).state()).isEqualTo(DayState.MISSED);
        assertThat(recent.get(gym.id()).days().get(5).state()).isEqualTo(DayState.DONE);
        assertThat(recent.get(gym.id()).days().get(6).state()).isEqualTo(DayState.NO_ENTRY);
        assertThat(recent).isEqualTo(Map.of(run.id(), coach.habits().calendar(userId, run.id(), TODAY.minusDays(6), TODAY),
                gym.id(), coach.habits().calendar(userId, gym.id(), TODAY.minusDays(6), TODAY)));
    }

    @Test
    void badRangesAndOtherUsersHabitsAreRefused() {
        Habit run = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
        assertThatThrownBy(() -> coach.habits().calendar(userId, run.id(), TODAY.minusYears(3), TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("about two years");
        assertThatThrownBy(() -> coach.habits().strengthHistory(userId, run.id(), TODAY, TODAY.minusDays(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.dashboards().recentDays(userId, 0)).isInstanceOf(InvalidInputException.class);
        String other = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        assertThatThrownBy(() -> coach.habits().calendar(other, run.id(), TODAY.minusDays(6), TODAY))
                .isInstanceOf(NotFoundException.class);
    }
}
