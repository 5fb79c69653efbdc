package io.habitcoach.jooq.dashboards;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.goals.NewSubtask;
import io.habitcoach.jooq.goals.Subtask;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.UserUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class DashboardServiceTest {

    // Wednesday 2026-03-11, 10:00 in São Paulo
    private final MutableClock clock = MutableClock.at("2026-03-11T13:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    private final List<String> statements = new ArrayList<>();
    private HabitCoach coach;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> statements.add(ctx.sql()))).load();
        userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private Habit seedHabitsAndGoals() {
        Habit run = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
        Habit read = coach.habits().create(userId, NewHabit.builder().name("Read").frequency(Frequency.timesPerWeek(3)).build());
        Habit old = coach.habits().create(userId, NewHabit.builder().name("Old").frequency(Frequency.daily()).build());
        coach.habits().archive(userId, old.id());
        coach.habits().complete(userId, run.id(), TODAY.minusDays(7));   // outside the last seven days
        coach.habits().complete(userId, run.id(), TODAY.minusDays(6));
        coach.habits().skip(userId, run.id(), TODAY.minusDays(1));
        coach.habits().complete(userId, run.id(), TODAY);
        coach.habits().complete(userId, read.id(), TODAY.minusDays(2)); // Monday
        Goal goal = coach.goals().create(userId, NewGoal.builder().title("Book").subtask("Outline").subtask("Draft").build());
        coach.goals().moveSubtask(userId, goal.subtasks().get(0).id(), SubtaskStatus.COMPLETED);
        return run;
    }

    @Test
    void theDashboardIsOneStatementWithActiveHabitsTheirWeekAndPendingSubtasks() {
        Habit run = seedHabitsAndGoals();
        for (int i = 0; i < 4; i++) {
            coach.goals().create(userId, NewGoal.builder().title("Goal " + i).subtask("a").subtask("b").build());
        }
        statements.clear();

        Dashboard dashboard = coach.dashboards().dashboard(userId);

        assertThat(statements).hasSize(1);
        assertThat(dashboard.today()).isEqualTo(TODAY);
        assertThat(dashboard.habits()).extracting(c -> c.habit().name()).containsExactly("Run", "Read");
        Dashboard.HabitCard runCard = dashboard.habits().get(0);
        assertThat(runCard.habit().id()).isEqualTo(run.id());
        assertThat(runCard.lastSevenDays()).extracting(Completion::date)
                .containsExactly(TODAY.minusDays(6), TODAY.minusDays(1), TODAY);
        assertThat(runCard.lastSevenDays()).extracting(Completion::kind)
                .containsExactly(EntryKind.DONE, EntryKind.SKIPPED, EntryKind.DONE);
        assertThat(dashboard.goals()).hasSize(5);
        Goal book = dashboard.goals().get(0);
        assertThat(book.subtasks()).extracting(Subtask::title).containsExactly("Draft");
        assertThat(book.completedSubtasks()).isEqualTo(1);
    }

    @Test
    void everyValueOnTheDashboardEqualsTheSingleReads() {
        Habit gym = coach.habits().create(userId, NewHabit.builder().name("Gym \"quoted\" ção 🏋").description("a\nb")
                .frequency(Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))
                .preferredTime(java.time.LocalTime.of(6, 30)).reminderEnabled(true).build());
        Habit read = coach.habits().create(userId, NewHabit.builder().name("Read").frequency(Frequency.timesPerWeek(3))
                .build());
        coach.habits().complete(userId, gym.id(), TODAY.minusDays(2), "legs, 5x5");
        coach.habits().complete(userId, gym.id(), TODAY);
        coach.habits().skip(userId, read.id(), TODAY.minusDays(1));
        Goal goal = coach.goals().create(userId, NewGoal.builder().title("Marathon").description("42 km")
                .category(io.habitcoach.core.model.GoalCategory.HEALTH).startDate(TODAY.minusDays(3))
                .deadline(TODAY.plusDays(90))
                .subtask(NewSubtask.builder().title("10 km").description("flat").estimatedDays(14)
                        .successCriteria("under 1 hour").build())
                .subtask("Half").build());
        coach.goals().moveSubtask(userId, goal.subtasks().get(1).id(), SubtaskStatus.COMPLETED);

        Dashboard dashboard = coach.dashboards().dashboard(userId);

        assertThat(dashboard.user()).isEqualTo(coach.users().get(userId));
        assertThat(dashboard.habits()).hasSize(2);
        for (Dashboard.HabitCard card : dashboard.habits()) {
            Habit single = coach.habits().get(userId, card.habit().id());
            assertThat(card.habit()).usingRecursiveComparison().ignoringFields("strength").isEqualTo(single);
            assertThat(card.lastSevenDays()).isEqualTo(coach.habits().recentCompletions(userId, single.id(), 7));
        }
        assertThat(dashboard.habits().get(0).lastSevenDays()).extracting(Completion::notes).containsExactly("legs, 5x5", null);
        Goal single = coach.goals().get(userId, goal.id());
        assertThat(dashboard.goals()).singleElement().usingRecursiveComparison().ignoringFields("subtasks")
                .isEqualTo(single);
        assertThat(dashboard.goals().get(0).subtasks()).isEqualTo(single.subtasks().stream()
                .filter(t -> t.status() == SubtaskStatus.PENDING).toList());
    }

    @Test
    void theWeeklySummaryCountsTheUsersCalendarWeekInOneStatement() {
        seedHabitsAndGoals();
        statements.clear();
        WeeklySummary week = coach.dashboards().weeklySummary(userId);
        assertThat(statements).hasSize(1);
        assertThat(week.weekStart()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(week.habits()).extracting(WeeklySummary.HabitWeek::habitName).containsExactly("Run", "Read");
        // Monday 9th .. Wednesday 11th: Run was skipped Tuesday and done today; Read done Monday
        assertThat(week.habits().get(0).completedThisWeek()).isEqualTo(1);
        assertThat(week.habits().get(0).skippedThisWeek()).isEqualTo(1);
        assertThat(week.habits().get(1).completedThisWeek()).isEqualTo(1);

        // a user whose week starts on Sunday counts from Sunday the 8th
        coach.users().update(userId, UserUpdate.builder().firstDayOfWeek(DayOfWeek.SUNDAY).build());
        assertThat(coach.dashboards().weeklySummary(userId).weekStart()).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void thirtyDayReadIsOneStatement() {
        Habit run = seedHabitsAndGoals();
        statements.clear();
        assertThat(coach.habits().recentCompletions(userId, run.id(), 30)).hasSize(4);
        assertThat(statements).hasSize(1);
    }

    @Test
    void anotherUserSeesNothing() {
        Habit run = seedHabitsAndGoals();
        String other = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        assertThat(coach.dashboards().dashboard(other).habits()).isEmpty();
        assertThat(coach.dashboards().weeklySummary(other).habits()).isEmpty();
        assertThatThrownBy(() -> coach.habits().recentCompletions(other, run.id(), 30)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.dashboards().dashboard("no-such-user")).isInstanceOf(NotFoundException.class);
    }
}
