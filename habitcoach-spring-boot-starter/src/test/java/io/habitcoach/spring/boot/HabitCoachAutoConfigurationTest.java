package io.habitcoach.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.habitcoach.ai.LangChain4jCoachModel;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.CoachQuotaExceededException;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.testing.FixedPersonality;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.jobs.CoachJobs;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The auto-configuration in {@link ApplicationContextRunner}s against a real PostgreSQL (the testkit's:
 * embedded, or {@code HABITCOACH_TEST_JDBC_URL}).
 */
class HabitCoachAutoConfigurationTest {

    private static HabitCoachTestDatabase migrated;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HabitCoachAutoConfiguration.class));

    @BeforeAll
    static void database() {
        migrated = HabitCoachTestDatabase.create(4);
    }

    @AfterAll
    static void dropDatabase() {
        migrated.close();
    }

    /** The test database's pool, wrapped so that closing a context does not close the pool. */
    private static DataSource unclosable(DataSource dataSource) {
        return new DelegatingDataSource(dataSource);
    }

    private static String email() {
        return "u" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void startsWithADataSourceAloneWithoutAChatModelAndMigratesAnEmptyDatabase() {
        try (HabitCoachTestDatabase empty = HabitCoachTestDatabase.createEmpty()) {
            runner.withBean(DataSource.class, () -> unclosable(empty.dataSource())).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class)
                        .doesNotHaveBean(CoachModel.class).doesNotHaveBean(HabitCoachJobScheduler.class);
                assertThat(tableExists(empty.dataSource(), "habits")).isTrue();
                HabitCoach coach = context.getBean(HabitCoach.class);
                assertThat(coach.personalities().ids()).contains("yoda", "general", "mentor");
                User user = coach.users().create(NewUser.builder().email(email()).build());
                Habit habit = coach.habits().create(user.id(),
                        NewHabit.builder().name("Read").frequency(Frequency.daily()).build());
                coach.habits().complete(user.id(), habit.id(), coach.dashboards().dashboard(user.id()).today());
                assertThat(coach.habits().get(user.id(), habit.id()).streak().current()).isEqualTo(1);
                // Without a model the coach answers from its templates.
                ChatExchange exchange = coach.chat().start(user.id(), "How am I doing?");
                assertThat(exchange.source()).isEqualTo(CoachMessage.Source.TEMPLATE);
            });
        }
    }

    @Test
    void migratesBesideTheHostsOwnTablesAndFlywayHistory() throws SQLException {
        try (HabitCoachTestDatabase empty = HabitCoachTestDatabase.createEmpty()) {
            // What a host's own Flyway leaves, e.g. Spring Boot's with no migrations of its own.
            execute(empty.dataSource(), "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)",
                    "CREATE TABLE orders (id INT PRIMARY KEY)", "INSERT INTO orders VALUES (42)");
            runner.withBean(DataSource.class, () -> unclosable(empty.dataSource())).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(tableExists(empty.dataSource(), "habits")).isTrue();
                HabitCoach coach = context.getBean(HabitCoach.class);
                assertThat(coach.users().create(NewUser.builder().email(email()).build()).id()).isNotBlank();
                coach.migrate();   // the library's own migrate() finds its history and has nothing to do
            });
            try (Connection connection = empty.dataSource().getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM orders")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aReadDataSourceFromPropertiesTakesTheReadsThatMayBeStaleAndIsClosedWithTheContext() {
        // the "replica" is the primary itself here: a server not in recovery has every write, so
        // every read that may go to a replica goes there (docs/scale-out.md)
        HabitCoachReadDataSource[] pool = new HabitCoachReadDataSource[1];
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.read-datasource.url=" + migrated.jdbcUrl(),
                        "habitcoach.read-datasource.maximum-pool-size=2", "habitcoach.read-datasource.max-lag=3s")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HabitCoachReadDataSource.class)
                            .getBeans(DataSource.class).hasSize(1);
                    pool[0] = context.getBean(HabitCoachReadDataSource.class);
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    assertThat(coach.readReplica().configured()).isTrue();
                    User user = coach.users().create(NewUser.builder().email(email()).build());
                    coach.dashboards().weeklySummary(user.id());
                    assertThat(coach.readReplica().stats().replicaReads()).isPositive();
                });
        assertThat(((com.zaxxer.hikari.HikariDataSource) pool[0].dataSource()).isClosed()).isTrue();
    }

    @Test
    void aDataSourceBeanNamedHabitCoachReadDataSourceIsTheReplicaBesideThePrimaryOne() {
        runner.withBean("dataSource", DataSource.class, () -> unclosable(migrated.dataSource()),
                        definition -> definition.setPrimary(true))
                .withBean(HabitCoachAutoConfiguration.READ_DATA_SOURCE, DataSource.class,
                        () -> unclosable(migrated.dataSource()))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(HabitCoachReadDataSource.class);
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    assertThat(coach.readReplica().configured()).isTrue();
                });
        // without one, and without the property, there is no replica
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource())).run(context ->
                assertThat(context.getBean(HabitCoach.class).readReplica().configured()).isFalse());
    }

    @Test
    void leavesTheDatabaseAloneWhenMigrateOnStartIsOff() {
        try (HabitCoachTestDatabase empty = HabitCoachTestDatabase.createEmpty()) {
            runner.withBean(DataSource.class, () -> unclosable(empty.dataSource()))
                    .withPropertyValues("habitcoach.migrate-on-start=false")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class);
                        assertThat(tableExists(empty.dataSource(), "habits")).isFalse();
                    });
        }
    }

    @Test
    void failsWithoutADataSourceOrWithTwoAndNoPrimaryUnlessTurnedOff() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .hasRootCauseInstanceOf(HabitCoachStartupException.class)
                .hasStackTraceContaining("no DataSource bean"));
        runner.withBean("first", DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean("second", DataSource.class, () -> unclosable(migrated.dataSource()))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseInstanceOf(HabitCoachStartupException.class)
                        .hasStackTraceContaining("first, second"));
        runner.withBean("first", DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean("second", DataSource.class, () -> unclosable(migrated.dataSource()),
                        definition -> definition.setPrimary(true))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class));
        runner.withPropertyValues("habitcoach.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HabitCoach.class));
    }

    @Test
    void theFailureAnalysisSaysWhatToDo() {
        HabitCoachStartupFailureAnalyzer analyzer = new HabitCoachStartupFailureAnalyzer();
        var none = analyzer.analyze(new IllegalStateException(new HabitCoachStartupException(List.of())));
        assertThat(none.getDescription()).contains("has none");
        assertThat(none.getAction()).contains("spring.datasource.url", "habitcoach.enabled=false");
        var two = analyzer.analyze(new HabitCoachStartupException(List.of("a", "b")));
        assertThat(two.getDescription()).contains("a, b");
        assertThat(two.getAction()).contains("@Primary");
    }

    @Test
    void wrapsAChatModelBeanAndAppliesTheCoachPropertiesAndQuota() {
        ChatModel chatModel = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("Keep going, one day at a time.")).build();
            }
        };
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(ChatModel.class, () -> chatModel)
                .withPropertyValues("habitcoach.coach.timeout=3s", "habitcoach.coach.quota.free=1",
                        "habitcoach.coach.history-messages=4", "habitcoach.auto-complete-goals=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(LangChain4jCoachModel.class);
                    assertThat(context.getBean(LangChain4jCoachModel.class)).hasToString(
                            "LangChain4jCoachModel[" + chatModel.getClass().getSimpleName() + ", timeout=PT3S]");
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    User user = coach.users().create(NewUser.builder().email(email()).language("en").build());

                    ChatExchange first = coach.chat().start(user.id(), "Hello coach");
                    assertThat(first.source()).isEqualTo(CoachMessage.Source.MODEL);
                    assertThat(first.reply().content()).isEqualTo("Keep going, one day at a time.");
                    assertThatThrownBy(() -> coach.chat().send(user.id(), first.conversation().id(), "Again"))
                            .isInstanceOf(CoachQuotaExceededException.class);

                    Goal goal = coach.goals().create(user.id(),
                            NewGoal.builder().title("Learn to juggle").subtask("Three balls").build());
                    Goal done = coach.goals().moveSubtask(user.id(), goal.subtasks().get(0).id(),
                            io.habitcoach.core.model.SubtaskStatus.COMPLETED);
                    assertThat(done.completedSubtasks()).isEqualTo(1);
                    assertThat(done.status()).isEqualTo(GoalStatus.ACTIVE);
                });
    }

    @Test
    void startsWithoutHabitcoachAiOrLangChain4jOnTheClassPath() {
        ChatModel chatModel = new ChatModel() {
        };
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(ChatModel.class, () -> chatModel)
                .withClassLoader(new FilteredClassLoader(LangChain4jCoachModel.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class)
                        .doesNotHaveBean(CoachModel.class));
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withClassLoader(new FilteredClassLoader("dev.langchain4j"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class)
                        .doesNotHaveBean(CoachModel.class));
    }

    @Test
    void aUserHabitCoachBeanReplacesTheDefault() {
        HabitCoach own = HabitCoach.configure().dataSource(migrated.dataSource()).load();
        try (HabitCoachTestDatabase empty = HabitCoachTestDatabase.createEmpty()) {
            runner.withBean(DataSource.class, () -> unclosable(empty.dataSource()))
                    .withBean(HabitCoach.class, () -> own)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class);
                        assertThat(context.getBean(HabitCoach.class)).isSameAs(own);
                        // Ours did not run: the host's own coach migrates itself.
                        assertThat(tableExists(empty.dataSource(), "habits")).isFalse();
                    });
        }
    }

    @Test
    void userClockPersonalitiesCoachModelAndMigrationStrategyAreUsed() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-05T15:00:00Z"), ZoneOffset.UTC);
        CoachModel ownModel = prompt -> Optional.of("Steady now.");
        ChatModel unused = new ChatModel() {
        };
        List<String> migrations = new ArrayList<>();
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(Clock.class, () -> clock)
                .withBean(CoachModel.class, () -> ownModel)
                .withBean(ChatModel.class, () -> unused)
                .withBean("sergeant", CoachPersonality.class, () -> new FixedPersonality("sergeant", "Move it."))
                .withBean("ownYoda", CoachPersonality.class, () -> new FixedPersonality("yoda", "Do. Or do not."))
                .withBean(HabitCoachMigrationStrategy.class, () -> coach -> {
                    migrations.add("custom");
                    coach.migrate();
                })
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(LangChain4jCoachModel.class);
                    assertThat(migrations).containsExactly("custom");
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    assertThat(coach.clock()).isSameAs(clock);
                    assertThat(coach.personalities().ids()).contains("sergeant", "yoda", "general", "mentor");

                    User user = coach.users().create(NewUser.builder().email(email()).language("en")
                            .timezone("UTC").personality("yoda").build());
                    assertThat(coach.dashboards().dashboard(user.id()).today()).isEqualTo("2025-03-05");
                    ChatExchange exchange = coach.chat().start(user.id(), "Hello");
                    assertThat(exchange.source()).isEqualTo(CoachMessage.Source.MODEL);
                    assertThat(exchange.reply().content()).isEqualTo("Steady now.");
                    // The host's "yoda" replaced the built-in one: its template speaks.
                    Habit habit = coach.habits().create(user.id(),
                            NewHabit.builder().name("Stretch").frequency(Frequency.daily()).build());
                    coach.habits().complete(user.id(), habit.id(), coach.dashboards().dashboard(user.id()).today());
                    assertThat(lastCoachMessage(migrated.dataSource(), user.id())).isEqualTo("Do. Or do not.");
                });
    }

    @Test
    void schedulesTheJobsWhenEnabledAndAUserSchedulerReplacesOurs() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-03T12:00:00Z"));
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(Clock.class, () -> clock)
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.interval=100ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HabitCoachJobScheduler.class);
                    assertThat(context.getBean(HabitCoachJobScheduler.class).isRunning()).isTrue();
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    User user = coach.users().create(NewUser.builder().email(email()).timezone("UTC").build());
                    coach.habits().create(user.id(), NewHabit.builder().name("Walk").frequency(Frequency.daily()).build());
                    // Monday was created, Tuesday closes without a completion: the sweep raises a miss.
                    clock.set(Instant.parse("2025-03-05T12:00:00Z"));
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (countMessages(migrated.dataSource(), user.id(), "habit_fail") == 0
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(countMessages(migrated.dataSource(), user.id(), "habit_fail")).isEqualTo(1);
                });
        HabitCoachJobScheduler own = new HabitCoachJobScheduler(
                HabitCoach.configure().dataSource(migrated.dataSource()).load(),
                new org.springframework.scheduling.support.PeriodicTrigger(Duration.ofHours(1)), null);
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(HabitCoachJobScheduler.class, () -> own)
                .withPropertyValues("habitcoach.jobs.enabled=true")
                .run(context -> assertThat(context.getBean(HabitCoachJobScheduler.class)).isSameAs(own));
    }

    @Test
    void theJobsPropertiesSetTheBatchSizesAndParallelismAndBadValuesStopTheStart() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.interval=1h")
                .run(context -> {
                    CoachJobs jobs = context.getBean(HabitCoachJobScheduler.class).jobs();
                    assertThat(jobs.parallelism()).isEqualTo(CoachJobs.DEFAULT_PARALLELISM);
                    assertThat(jobs.habitsPerBatch()).isEqualTo(CoachJobs.DEFAULT_HABITS_PER_BATCH);
                    assertThat(jobs.usersPerBatch()).isEqualTo(CoachJobs.DEFAULT_USERS_PER_BATCH);
                });
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.interval=1h",
                        "habitcoach.jobs.parallelism=4", "habitcoach.jobs.habits-per-batch=1000",
                        "habitcoach.jobs.users-per-batch=50")
                .run(context -> {
                    CoachJobs jobs = context.getBean(HabitCoachJobScheduler.class).jobs();
                    assertThat(jobs.parallelism()).isEqualTo(4);
                    assertThat(jobs.habitsPerBatch()).isEqualTo(1000);
                    assertThat(jobs.usersPerBatch()).isEqualTo(50);
                });
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.parallelism=17")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(InvalidInputException.class)
                        .hasMessage("habitcoach.jobs.parallelism is invalid: from 1 to 16, got 17"));
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.users-per-batch=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(InvalidInputException.class)
                        .hasMessage("habitcoach.jobs.users-per-batch is invalid: from 1 to 10000, got 0"));
    }

    @Test
    void theDefaultPersonalityPropertyChoosesTheNewUsersPersonality() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.coach.default-personality=mentor")
                .run(context -> {
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    assertThat(coach.personalities().defaultPersonality().id()).isEqualTo("mentor");
                    User user = coach.users().create(NewUser.builder().email(email()).build());
                    assertThat(user.personality()).isEqualTo("mentor");
                });
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.coach.default-personality=nobody")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("defaultId")
                        .hasStackTraceContaining("nobody"));
    }

    @Test
    void theCompletionCacheSizePropertyReachesTheBuilder() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.completion-cache-size=0")
                .run(context -> {
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    User user = coach.users().create(NewUser.builder().email(email()).build());
                    String habit = coach.habits().create(user.id(), NewHabit.builder().name("Walk")
                            .frequency(io.habitcoach.core.schedule.Frequency.daily()).build()).id();
                    java.time.LocalDate today = coach.dashboards().dashboard(user.id()).today();
                    coach.habits().complete(user.id(), habit, today.minusDays(1));
                    coach.habits().complete(user.id(), habit, today);
                    assertThat(coach.habits().get(user.id(), habit).streak().current()).isEqualTo(2);
                });
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.completion-cache-size=-1")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("completionCacheSize"));
    }

    @Test
    void theLimitsPropertiesReachTheBuilderAndZeroIsRefused() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.limits.max-habits-per-user=1", "habitcoach.limits.max-goals-per-user=1",
                        "habitcoach.limits.max-subtasks-per-goal=1", "habitcoach.limits.max-conversations-per-user=1")
                .run(context -> {
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    User user = coach.users().create(NewUser.builder().email(email()).build());
                    coach.habits().create(user.id(), NewHabit.builder().name("Walk")
                            .frequency(io.habitcoach.core.schedule.Frequency.daily()).build());
                    assertThatThrownBy(() -> coach.habits().create(user.id(), NewHabit.builder().name("Run")
                            .frequency(io.habitcoach.core.schedule.Frequency.daily()).build()))
                            .isInstanceOfSatisfying(io.habitcoach.core.LimitExceededException.class,
                                    e -> assertThat(e.what() + " " + e.limit()).isEqualTo("habits 1"));
                    java.util.function.Supplier<io.habitcoach.jooq.goals.NewGoal.Builder> goal = () ->
                            io.habitcoach.jooq.goals.NewGoal.builder().title("Book")
                                    .category(io.habitcoach.core.model.GoalCategory.HEALTH);
                    assertThatThrownBy(() -> coach.goals().create(user.id(), goal.get().subtask("a").subtask("b").build()))
                            .isInstanceOfSatisfying(io.habitcoach.core.LimitExceededException.class,
                                    e -> assertThat(e.what() + " " + e.limit()).isEqualTo("subtasks of a goal 1"));
                    coach.goals().create(user.id(), goal.get().build());
                    assertThatThrownBy(() -> coach.goals().create(user.id(), goal.get().build()))
                            .isInstanceOfSatisfying(io.habitcoach.core.LimitExceededException.class,
                                    e -> assertThat(e.what() + " " + e.limit()).isEqualTo("goals 1"));
                    coach.chat().start(user.id(), "hi");
                    assertThatThrownBy(() -> coach.chat().start(user.id(), "again"))
                            .isInstanceOfSatisfying(io.habitcoach.core.LimitExceededException.class,
                                    e -> assertThat(e.what() + " " + e.limit()).isEqualTo("conversations 1"));
                });
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .run(context -> assertThat(context.getBean(HabitCoachProperties.class).limits())
                        .isEqualTo(new HabitCoachProperties.Limits(500, 200, 100, 1_000)));
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.limits.max-habits-per-user=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("maxHabitsPerUser"));
    }

    @Test
    void eventsByModelNeedsAModel() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(ChatModel.class, () -> new ChatModel() {
                })
                .withPropertyValues("habitcoach.coach.events-by-model=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class));
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.coach.events-by-model=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("coachEventsByModel"));
    }

    @Test
    void refusesBadPropertiesAtStartup() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.coach.quota.free=-1")
                .run(context -> assertThat(context).hasFailed());
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.interval=0s")
                .run(context -> assertThat(context).hasFailed());
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             // the connection's schema: "public" on one server, a schema per test on Citus
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long countMessages(DataSource dataSource, String userId, String type) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM ai_messages WHERE user_id = ? AND message_type = ?")) {
            statement.setString(1, userId);
            statement.setString(2, type);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String lastCoachMessage(DataSource dataSource, String userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT message FROM ai_messages WHERE user_id = ? AND message_type = 'habit_complete' "
                             + "ORDER BY created_at DESC, id DESC LIMIT 1")) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
