package io.habitcoach.jooq.goals;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class GoalServiceTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T02:00:00Z"); // 23:00 on the 9th in São Paulo
    private HabitCoach coach;
    private DataSource dataSource;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        userId = coach.users().create(NewUser.builder().email(java.util.UUID.randomUUID() + "@example.com").build()).id();
    }

    private Goal goalWith(String... subtasks) {
        NewGoal.Builder builder = NewGoal.builder().title("Marathon").category(GoalCategory.HEALTH);
        for (String s : subtasks) {
            builder.subtask(s);
        }
        return coach.goals().create(userId, builder.build());
    }

    @Test
    void createsWithSubtasksInOrderAndTheUsersTodayAsStartDate() {
        Goal goal = goalWith("5k", "10k", "21k");
        assertThat(goal.startDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(goal.subtasks()).extracting(Subtask::title).containsExactly("5k", "10k", "21k");
        assertThat(goal.subtasks()).extracting(Subtask::order).containsExactly(0, 1, 2);
        assertThat(goal.totalSubtasks()).isEqualTo(3);
        assertThat(goal.completedSubtasks()).isZero();
        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void completingEverySubtaskCompletesTheGoalAndReopeningOneReopensIt() {
        Goal goal = goalWith("a", "b");
        String a = goal.subtasks().get(0).id();
        String b = goal.subtasks().get(1).id();

        Goal moved = coach.goals().moveSubtask(userId, a, SubtaskStatus.IN_PROGRESS);
        assertThat(moved.subtasks().get(0).status()).isEqualTo(SubtaskStatus.IN_PROGRESS);
        assertThat(moved.subtasks().get(0).completedAt()).isNull();
        moved = coach.goals().moveSubtask(userId, a, SubtaskStatus.COMPLETED);
        assertThat(moved.subtasks().get(0).completedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(moved.completedSubtasks()).isEqualTo(1);
        assertThat(moved.status()).isEqualTo(GoalStatus.ACTIVE);

        Goal done = coach.goals().moveSubtask(userId, b, SubtaskStatus.COMPLETED);
        assertThat(done.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.completedSubtasks()).isEqualTo(2);

        Goal reopened = coach.goals().reopenSubtask(userId, a);
        assertThat(reopened.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(reopened.completedAt()).isNull();
        assertThat(reopened.completedSubtasks()).isEqualTo(1);
        assertThat(reopened.subtasks().get(0).completedAt()).isNull();
        assertThat(reopened.subtasks().get(0).status()).isEqualTo(SubtaskStatus.PENDING);
    }

    @Test
    void completingAGoalRaisesOneCoachMessageEvenIfItIsReopenedAndCompletedAgain() {
        Goal goal = goalWith("a");
        String step = goal.subtasks().get(0).id();
        coach.goals().moveSubtask(userId, step, SubtaskStatus.COMPLETED);
        coach.goals().reopenSubtask(userId, step);
        coach.goals().moveSubtask(userId, step, SubtaskStatus.COMPLETED);
        var messages = DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES)
                .selectFrom(io.habitcoach.jooq.schema.Tables.AI_MESSAGES)
                .where(io.habitcoach.jooq.schema.Tables.AI_MESSAGES.GOAL_ID.eq(goal.id())).fetch();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getMessageType()).isEqualTo(io.habitcoach.core.coach.CoachEventType.GOAL_COMPLETE);
        assertThat(messages.get(0).getMessage()).contains("Marathon");
        assertThat(messages.get(0).getUserId()).isEqualTo(userId);
    }

    @Test
    void aSubtaskInProgressCannotGoBackToPendingAndNothingChanges() {
        Goal goal = goalWith("a");
        String step = goal.subtasks().get(0).id();
        coach.goals().moveSubtask(userId, step, SubtaskStatus.IN_PROGRESS);
        assertThatThrownBy(() -> coach.goals().moveSubtask(userId, step, SubtaskStatus.PENDING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(coach.goals().get(userId, goal.id()).subtasks().get(0).status()).isEqualTo(SubtaskStatus.IN_PROGRESS);
    }

    @Test
    void aGoalWithoutSubtasksNeverCompletesItself() {
        Goal goal = goalWith("only");
        Goal afterRemove = coach.goals().removeSubtask(userId, goal.subtasks().get(0).id());
        assertThat(afterRemove.totalSubtasks()).isZero();
        assertThat(afterRemove.status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void autoCompletionCanBeTurnedOff() {
        HabitCoach manual = HabitCoach.configure().dataSource(dataSource).clock(clock).autoCompleteGoals(false).load();
        Goal goal = manual.goals().create(userId, NewGoal.builder().title("t").subtask("s").build());
        Goal after = manual.goals().moveSubtask(userId, goal.subtasks().get(0).id(), SubtaskStatus.COMPLETED);
        assertThat(after.completedSubtasks()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void aNewSubtaskOnACompletedGoalMakesItActiveAgain() {
        Goal goal = goalWith("a");
        coach.goals().moveSubtask(userId, goal.subtasks().get(0).id(), SubtaskStatus.COMPLETED);
        Goal after = coach.goals().addSubtask(userId, goal.id(), NewSubtask.builder().title("b").estimatedDays(3).build());
        assertThat(after.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(after.totalSubtasks()).isEqualTo(2);
        assertThat(after.subtasks().get(1).order()).isEqualTo(1);
        assertThat(after.subtasks().get(1).estimatedDays()).isEqualTo(3);
    }

    @Test
    void reorderTakesAPermutationOfTheSubtasks() {
        Goal goal = goalWith("a", "b", "c");
        List<String> ids = goal.subtasks().stream().map(Subtask::id).toList();
        Goal reordered = coach.goals().reorderSubtasks(userId, goal.id(), List.of(ids.get(2), ids.get(0), ids.get(1)));
        assertThat(reordered.subtasks()).extracting(Subtask::title).containsExactly("c", "a", "b");

        assertThatThrownBy(() -> coach.goals().reorderSubtasks(userId, goal.id(), List.of(ids.get(0), ids.get(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subtaskIds"));
        assertThatThrownBy(() -> coach.goals().reorderSubtasks(userId, goal.id(), List.of(ids.get(0), ids.get(0), ids.get(1))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDeadlineBeforeTheStartIsRefusedAndNothingIsWritten() {
        int before = DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES).fetchCount(DSL.table("goals"));
        assertThatThrownBy(() -> coach.goals().create(userId, NewGoal.builder().title("t")
                .startDate(LocalDate.of(2026, 5, 1)).deadline(LocalDate.of(2026, 4, 30)).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
        Goal goal = goalWith("a");
        assertThatThrownBy(() -> coach.goals().update(userId, goal.id(),
                GoalUpdate.builder().deadline(goal.startDate().minusDays(1)).build()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES).fetchCount(DSL.table("goals"))).isEqualTo(before + 1);
    }

    @Test
    void anotherUsersGoalAndSubtaskBehaveAsIfTheyDidNotExist() {
        Goal goal = goalWith("a");
        String intruder = coach.users().create(NewUser.builder().email("intruder@example.com").build()).id();
        assertThatThrownBy(() -> coach.goals().get(intruder, goal.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.goals().moveSubtask(intruder, goal.subtasks().get(0).id(), SubtaskStatus.COMPLETED))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("subtask");
        assertThatThrownBy(() -> coach.goals().archive(intruder, goal.id())).isInstanceOf(NotFoundException.class);
        assertThat(coach.goals().get(userId, goal.id()).subtasks().get(0).status()).isEqualTo(SubtaskStatus.PENDING);
    }

    @Test
    void concurrentMovesKeepTheCountersEqualToTheSubtasks() throws Exception {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            titles.add("step " + i);
        }
        Goal goal = goalWith(titles.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Subtask s : goal.subtasks()) {
                    SubtaskStatus target = round % 2 == 0 ? SubtaskStatus.COMPLETED : SubtaskStatus.PENDING;
                    futures.add(pool.submit(() -> coach.goals().moveSubtask(userId, s.id(), target)));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Goal after = coach.goals().get(userId, goal.id());
        long completed = after.subtasks().stream().filter(s -> s.status() == SubtaskStatus.COMPLETED).count();
        assertThat(after.totalSubtasks()).isEqualTo(after.subtasks().size());
        assertThat(after.completedSubtasks()).isEqualTo((int) completed);
        assertThat(after.status()).isEqualTo(completed == after.totalSubtasks() ? GoalStatus.COMPLETED : GoalStatus.ACTIVE);
    }
}
