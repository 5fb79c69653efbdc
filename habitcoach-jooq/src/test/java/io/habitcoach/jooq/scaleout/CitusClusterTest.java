package io.habitcoach.jooq.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.accounts.AesGcmTokenCipher;
import io.habitcoach.jooq.accounts.NewAccount;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.goals.NewSubtask;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.testing.JdbcCounter;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.UserUpdate;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Habit Coach on a Citus cluster (docs/scale-out.md): {@code migrate()} alone distributes the
 * schema by user, and every per-user call is made of router queries (one shard, one worker).
 * Skipped, with a message, unless the tests run against a Citus coordinator
 * ({@code HABITCOACH_TEST_JDBC_URL}, .ci/run's third run).
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CitusClusterTest {

    /** The tables distributed by the user's id: users by id, the other eleven by user_id. */
    static final List<String> USER_TABLES = List.of("users", "sessions", "accounts", "habits", "habit_completions",
            "habit_pauses", "goals", "goal_subtasks", "ai_messages", "chat_conversations", "chat_messages",
            "analytics_events");

    @BeforeEach
    void onlyOnCitus() {
        assumeTrue(HabitCoachTestDatabase.citus(),
                "needs a Citus coordinator as HABITCOACH_TEST_JDBC_URL (.ci/run's third run); skipped on plain PostgreSQL");
    }

    @Test
    void migrateAloneDistributesEveryUserTableByTheUsersIdInOneColocationGroupWithShardsOnEveryWorker()
            throws SQLException {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty()) {
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).load();
            coach.migrate();
            coach.migrate(); // the second time changes nothing, and does not fail on distributed tables

            Map<String, String> columns = new TreeMap<>();
            List<Long> groups = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        SELECT k.relname, t.distribution_column, t.colocation_id
                        FROM public.citus_tables t JOIN pg_class k ON k.oid = t.table_name
                        WHERE k.relnamespace = current_schema()::regnamespace AND t.citus_table_type = 'distributed'
                          AND NOT k.relispartition""")) {
                    while (rs.next()) {
                        columns.put(rs.getString(1), rs.getString(2));
                        if (USER_TABLES.contains(rs.getString(1))) {
                            groups.add(rs.getLong(3));
                        }
                    }
                }
                Map<String, String> expected = new TreeMap<>();
                USER_TABLES.forEach(t -> expected.put(t, t.equals("users") ? "id" : "user_id"));
                expected.put("user_emails", "email"); // the global lookups, by their own key
                expected.put("account_logins", "provider_account_id");
                expected.put("habit_versions", "user_id");   // V9: the history of habits and goals, by their owner
                expected.put("goal_versions", "user_id");
                assertThat(columns).isEqualTo(expected);
                assertThat(groups).hasSize(12).containsOnly(groups.get(0));

                List<Integer> workers = ints(s, "SELECT nodeport FROM pg_dist_node WHERE noderole = 'primary' "
                        + "AND shouldhaveshards AND groupid <> 0 ORDER BY 1");
                assertThat(workers).hasSizeGreaterThanOrEqualTo(2);
                assertThat(ints(s, """
                        SELECT DISTINCT sh.nodeport FROM pg_catalog.citus_shards sh JOIN pg_class k ON k.oid = sh.table_name
                        WHERE k.relnamespace = current_schema()::regnamespace AND k.relname = 'habit_completions'
                        ORDER BY 1""")).isEqualTo(workers);
                // no trigger is left on a distributed table (Citus would refuse them)
                assertThat(ints(s, """
                        SELECT count(*)::int FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid
                        WHERE k.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal""")).containsExactly(0);
            }
        }
    }

    @Test
    void everyPerUserCallIsMadeOfRouterQueries(HabitCoachTestDatabase db) throws SQLException {
        // Citus counts, per database, the statements it ran on one shard and on several
        // (citus_stat_counters, counted by sessions with citus.enable_stat_counters on): every
        // statement of every call, jOOQ's and plain JDBC's alike.
        PGSimpleDataSource counted = new PGSimpleDataSource();
        counted.setURL(db.jdbcUrl());
        counted.setOptions("-c citus.enable_stat_counters=on");
        // and what the client sent: a statement Citus plans in parts (a subplan per part, each a
        // shard execution of its own, with intermediate results) counts more executions than
        // statements sent; a router query counts one
        JdbcCounter sent = new JdbcCounter();
        HabitCoach coach = HabitCoach.configure().dataSource(sent.wrap(counted))
                .clock(MutableClock.at("2026-03-10T15:00:00Z"))
                .tokenCipher(new AesGcmTokenCipher(new byte[32]))
                .load();
        String user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        String habit = coach.habits().create(user, NewHabit.builder().name("Run").frequency(Frequency.daily())
                .preferredTime(java.time.LocalTime.of(7, 30)).reminderEnabled(true).build()).id();
        String goal = coach.goals().create(user, NewGoal.builder().title("Marathon").category(GoalCategory.HEALTH)
                .build()).id();

        Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("complete", () -> coach.habits().complete(user, habit, LocalDate.of(2026, 3, 10)));
        calls.put("skip", () -> coach.habits().skip(user, habit, LocalDate.of(2026, 3, 9)));
        calls.put("undo", () -> coach.habits().undo(user, habit, LocalDate.of(2026, 3, 9)));
        calls.put("habit get", () -> coach.habits().get(user, habit));
        calls.put("habit list", () -> coach.habits().list(user));
        calls.put("recent completions", () -> coach.habits().recentCompletions(user, habit, 7));
        calls.put("pause", () -> coach.habits().pause(user, habit));
        calls.put("resume", () -> coach.habits().resume(user, habit));
        calls.put("dashboard", () -> coach.dashboards().dashboard(user));
        calls.put("weekly summary", () -> coach.dashboards().weeklySummary(user));
        calls.put("add subtask", () -> coach.goals().addSubtask(user, goal, NewSubtask.builder().title("10 km").build()));
        calls.put("move subtask", () -> coach.goals().moveSubtask(user,
                coach.goals().get(user, goal).subtasks().get(0).id(), SubtaskStatus.COMPLETED));
        calls.put("goal list", () -> coach.goals().list(user));
        calls.put("chat start", () -> coach.chat().start(user, "How do I keep running in the rain?"));
        calls.put("chat list", () -> coach.chat().list(user));
        calls.put("zone change", () -> coach.users().update(user, UserUpdate.builder().timezone("Europe/Berlin").build()));
        calls.put("search", () -> coach.search().search(user, "run"));
        calls.put("sessions", () -> {
            String token = coach.sessions().create(user, Duration.ofDays(1), null, null).token();
            coach.sessions().validate(token);
            coach.sessions().touch(token, "agent", null);
            coach.sessions().revokeToken(token);
        });
        calls.put("account link", () -> coach.accounts().link(user,
                NewAccount.builder().provider("google").providerAccountId(UUID.randomUUID().toString()).build()));
        // issue 20: creation counts against the caps, lists read keyset pages (each read twice: the
        // first page, then the one after its cursor)
        calls.put("habit create", () -> coach.habits().create(user, NewHabit.builder().name("Walk")
                .frequency(Frequency.daily()).build()));
        calls.put("goal create", () -> coach.goals().create(user, NewGoal.builder().title("Book")
                .category(GoalCategory.HEALTH).subtask("chapter 1").build()));
        calls.put("habit pages", () -> pages(p -> coach.habits().list(user, p)));
        calls.put("goal pages", () -> pages(p -> coach.goals().list(user, p)));
        calls.put("chat pages", () -> {
            coach.chat().start(user, "A second conversation");
            pages(p -> coach.chat().list(user, p));
        });
        calls.put("message pages", () -> {
            String conversation = coach.chat().list(user).get(0).id();
            pages(p -> coach.chat().messages(user, conversation, p));
        });
        calls.put("session pages", () -> {
            coach.sessions().create(user, Duration.ofDays(1), null, null);
            coach.sessions().create(user, Duration.ofDays(1), null, null);
            pages(p -> coach.sessions().list(user, p));
        });
        calls.put("event pages", () -> {
            coach.analytics().record(user, "opened", null, null, null);
            coach.analytics().record(user, "opened", null, null, null);
            pages(p -> coach.analytics().events(user, p));
        });
        calls.put("export", () -> coach.privacy().export(user));
        calls.put("purge", () -> coach.privacy().purge(user));

        List<String> problems = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (var call : calls.entrySet()) {
                long[] before = counters(s);
                sent.reset();
                call.getValue().run();
                long[] after = counters(s);
                long single = after[0] - before[0];
                long multi = after[1] - before[1];
                if (single == 0 || multi != 0 || single > sent.statements.get()) {
                    problems.add(call.getKey() + ": " + single + " single-shard, " + multi + " multi-shard executions for "
                            + sent.statements.get() + " statements sent");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Reads the first page of one item and the page after it (which must exist). */
    private static void pages(java.util.function.Function<io.habitcoach.jooq.PageRequest, io.habitcoach.jooq.Page<?>> read) {
        var first = read.apply(io.habitcoach.jooq.PageRequest.first(1));
        assertThat(first.nextCursor()).isPresent();
        read.apply(io.habitcoach.jooq.PageRequest.after(first.nextCursor().get(), 1));
    }

    /** This database's statements run on one shard, and on several, since the counters were reset. */
    private static long[] counters(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT query_execution_single_shard, query_execution_multi_shard"
                + " FROM citus_stat_counters((SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static List<Integer> ints(Statement s, String sql) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getInt(1));
            }
        }
        return values;
    }
}
