package io.habitcoach.jooq.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.LimitExceededException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.Limits;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.goals.NewSubtask;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20: per-user caps on habits, goals, subtasks per goal and conversations. The call past a cap is
 * refused with {@link LimitExceededException} and writes nothing, also when several calls of one user
 * race at the cap: a listener sleeps right after each count, so calls that counted without a lock that
 * serializes them would all see room and all insert.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class LimitsTest {

    private static final Limits SMALL = Limits.builder().maxHabitsPerUser(3).maxGoalsPerUser(2)
            .maxSubtasksPerGoal(3).maxConversationsPerUser(2).build();

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private DataSource dataSource;
    private DSLContext sql;
    private HabitCoach coach;
    private String user;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        this.sql = DSL.using(dataSource, SQLDialect.POSTGRES);
        coach = coach(SMALL, null);
        user = newUser();
    }

    /** A coach with these limits; {@code slowTable} non-null: every count of that table sleeps 300 ms after it ran. */
    private HabitCoach coach(Limits limits, String slowTable) {
        HabitCoach.Builder builder = HabitCoach.configure().dataSource(dataSource).clock(clock).limits(limits);
        if (slowTable != null) {
            builder.executeListener(ExecuteListener.onExecuteEnd(ctx -> {
                String statement = ctx.sql() == null ? "" : ctx.sql().toLowerCase(Locale.ROOT);
                if (statement.contains("count(*)") && statement.contains("\"" + slowTable + "\"")) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
        }
        return builder.load();
    }

    private String newUser() {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private static NewHabit habit(String name) {
        return NewHabit.builder().name(name).frequency(Frequency.daily()).build();
    }

    private static NewGoal goal(String title, int subtasks) {
        NewGoal.Builder builder = NewGoal.builder().title(title).category(GoalCategory.HEALTH);
        for (int i = 0; i < subtasks; i++) {
            builder.subtask("step " + i);
        }
        return builder.build();
    }

    private int rows(String table, String column, String value) {
        return sql.fetchCount(DSL.table(DSL.name(table)), DSL.field(DSL.name(column), String.class).eq(value));
    }

    @Test
    void theHabitPastTheCapIsRefusedNamingWhatAndTheLimitAndNothingIsWritten() {
        for (int i = 0; i < 3; i++) {
            coach.habits().create(user, habit("Run " + i));
        }
        coach.habits().archive(user, coach.habits().list(user).get(0).id());   // archived habits still count
        int versions = rows("habit_versions", "user_id", user);
        assertThatThrownBy(() -> coach.habits().create(user, habit("One more")))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.what()).isEqualTo("habits");
                    assertThat(e.limit()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("3").contains("habits");
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(rows("habits", "user_id", user)).isEqualTo(3);
        assertThat(rows("habit_versions", "user_id", user)).isEqualTo(versions);
        // another user has their own cap
        String other = newUser();
        coach.habits().create(other, habit("Run"));
        assertThat(rows("habits", "user_id", other)).isEqualTo(1);
    }

    @Test
    void theGoalPastTheCapAndAGoalWithTooManySubtasksAreRefused() {
        assertThatThrownBy(() -> coach.goals().create(user, goal("Too big", 4)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.what()).isEqualTo("subtasks of a goal");
                    assertThat(e.limit()).isEqualTo(3);
                });
        assertThat(rows("goals", "user_id", user)).isZero();
        coach.goals().create(user, goal("Marathon", 3));
        coach.goals().create(user, goal("Book", 0));
        assertThatThrownBy(() -> coach.goals().create(user, goal("Third", 0)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.what()).isEqualTo("goals");
                    assertThat(e.limit()).isEqualTo(2);
                });
        assertThat(rows("goals", "user_id", user)).isEqualTo(2);
        assertThat(rows("goal_subtasks", "user_id", user)).isEqualTo(3);
    }

    @Test
    void theSubtaskPastTheCapOfItsGoalIsRefused() {
        String marathon = coach.goals().create(user, goal("Marathon", 2)).id();
        String book = coach.goals().create(user, goal("Book", 0)).id();
        coach.goals().addSubtask(user, marathon, NewSubtask.builder().title("third").build());
        assertThatThrownBy(() -> coach.goals().addSubtask(user, marathon, NewSubtask.builder().title("fourth").build()))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.what()).isEqualTo("subtasks of a goal");
                    assertThat(e.limit()).isEqualTo(3);
                });
        assertThat(coach.goals().get(user, marathon).subtasks()).hasSize(3);
        assertThat(coach.goals().get(user, marathon).totalSubtasks()).isEqualTo(3);
        // per goal: the other goal has room
        coach.goals().addSubtask(user, book, NewSubtask.builder().title("chapter 1").build());
        assertThat(coach.goals().get(user, book).subtasks()).hasSize(1);
    }

    @Test
    void theConversationPastTheCapIsRefusedAndItsMessageNotStored() {
        String first = coach.chat().start(user, "hello").conversation().id();
        coach.chat().start(user, "again");
        coach.chat().archive(user, first);   // archived conversations still count
        int messages = rows("chat_messages", "user_id", user);
        assertThatThrownBy(() -> coach.chat().start(user, "a third"))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.what()).isEqualTo("conversations");
                    assertThat(e.limit()).isEqualTo(2);
                });
        assertThat(rows("chat_conversations", "user_id", user)).isEqualTo(2);
        assertThat(rows("chat_messages", "user_id", user)).isEqualTo(messages);
    }

    @Test
    void twoCallsRacingAtTheCapNeverBothSucceed() throws Exception {
        HabitCoach slowHabits = coach(SMALL, "habits");
        coach.habits().create(user, habit("a"));
        coach.habits().create(user, habit("b"));
        assertThat(race(i -> slowHabits.habits().create(user, habit("racer " + i)))).isEqualTo(1);
        assertThat(rows("habits", "user_id", user)).isEqualTo(3);

        HabitCoach slowGoals = coach(SMALL, "goals");
        coach.goals().create(user, goal("a", 0));
        assertThat(race(i -> slowGoals.goals().create(user, goal("racer " + i, 0)))).isEqualTo(1);
        assertThat(rows("goals", "user_id", user)).isEqualTo(2);

        HabitCoach slowSubtasks = coach(SMALL, "goal_subtasks");
        String goalId = coach.goals().list(user).get(0).id();
        coach.goals().addSubtask(user, goalId, NewSubtask.builder().title("one").build());
        coach.goals().addSubtask(user, goalId, NewSubtask.builder().title("two").build());
        assertThat(race(i -> slowSubtasks.goals().addSubtask(user, goalId,
                NewSubtask.builder().title("racer " + i).build()))).isEqualTo(1);
        assertThat(rows("goal_subtasks", "goal_id", goalId)).isEqualTo(3);
        assertThat(coach.goals().get(user, goalId).totalSubtasks()).isEqualTo(3);

        HabitCoach slowChats = coach(SMALL, "chat_conversations");
        coach.chat().start(user, "one");
        assertThat(race(i -> slowChats.chat().start(user, "racer " + i))).isEqualTo(1);
        assertThat(rows("chat_conversations", "user_id", user)).isEqualTo(2);
    }

    /** Runs four calls at once; returns how many succeeded (the others must be refused by the cap). */
    private static int race(Consumer<Integer> call) throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    if (!start.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the start signal did not come");
                    }
                    try {
                        call.accept(n);
                        return true;
                    } catch (LimitExceededException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                if (result.get(60, TimeUnit.SECONDS)) {
                    succeeded++;
                }
            }
            return succeeded;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDefaultsAndInvalidLimits() {
        Limits defaults = Limits.defaults();
        assertThat(defaults.maxHabitsPerUser()).isEqualTo(500);
        assertThat(defaults.maxGoalsPerUser()).isEqualTo(200);
        assertThat(defaults.maxSubtasksPerGoal()).isEqualTo(100);
        assertThat(defaults.maxConversationsPerUser()).isEqualTo(1_000);
        assertThatThrownBy(() -> Limits.builder().maxHabitsPerUser(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxHabitsPerUser"));
        assertThatThrownBy(() -> Limits.builder().maxGoalsPerUser(-1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxGoalsPerUser"));
        assertThatThrownBy(() -> Limits.builder().maxSubtasksPerGoal(0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Limits.builder().maxConversationsPerUser(0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Limits(1, 1, 1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> HabitCoach.configure().limits(null)).isInstanceOf(NullPointerException.class);
    }
}
