package io.habitcoach.jooq.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Adding a worker and moving shards onto it with {@code citus_rebalance_start()} while completions
 * keep arriving loses and doubles nothing (docs/scale-out.md, "Rebalancing"). Needs a Citus
 * coordinator and a spare node, not yet in the cluster, named by
 * {@value #SPARE_WORKER_VARIABLE} ({@code host:port}; .ci/citus-spare-worker.sh starts one on
 * 5436); skipped with a message otherwise. The node is drained and removed again at the end.
 */
class CitusRebalanceTest {

    static final String SPARE_WORKER_VARIABLE = "HABITCOACH_CITUS_SPARE_WORKER";

    @Test
    void shardsMoveToANewWorkerWhileCompletionsArriveAndEveryCompletionIsStoredOnce() throws Exception {
        String spare = System.getProperty(SPARE_WORKER_VARIABLE, System.getenv(SPARE_WORKER_VARIABLE));
        assumeTrue(HabitCoachTestDatabase.citus() && spare != null && !spare.isBlank(),
                "needs a Citus coordinator (HABITCOACH_TEST_JDBC_URL) and a spare node as " + SPARE_WORKER_VARIABLE
                        + " (.ci/run starts one); skipped");
        String host = spare.substring(0, spare.lastIndexOf(':'));
        int port = Integer.parseInt(spare.substring(spare.lastIndexOf(':') + 1));
        MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create();
                Connection admin = java.sql.DriverManager.getConnection(db.jdbcUrl());
                Statement s = admin.createStatement()) {
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load();
            List<String[]> habits = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                        .timezone("UTC").build()).id();
                habits.add(new String[] {user, coach.habits().create(user, NewHabit.builder().name("Run " + i)
                        .frequency(Frequency.daily()).build()).id()});
            }
            assertThat(count(s, "SELECT count(*) FROM pg_dist_node WHERE nodeport = " + port)).isZero();

            AtomicBoolean moving = new AtomicBoolean(true);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            // One completion per habit and day, a new day per round, until the move is over (and
            // at least a few rounds after it); each completion that returned is one stored row.
            Future<Integer> completed = writer.submit(() -> {
                int done = 0;
                int after = 0;
                for (int day = 0; day < 2_000 && after < 3; day++) {
                    if (!moving.get()) {
                        after++;
                    }
                    clock.set(java.time.Instant.parse("2026-03-01T12:00:00Z").plus(Duration.ofDays(day)));
                    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                    for (String[] h : habits) {
                        coach.habits().complete(h[0], h[1], today);
                        done++;
                    }
                }
                return done;
            });
            boolean added = false;
            try {
                s.execute("SELECT citus_add_node('" + host + "', " + port + ")");
                added = true;
                s.execute("SELECT citus_rebalance_start(shard_transfer_mode := 'block_writes')");
                s.execute("SELECT citus_rebalance_wait()");
                moving.set(false);
                int done = completed.get(10, TimeUnit.MINUTES);

                assertThat(count(s, """
                        SELECT count(*) FROM pg_catalog.citus_shards sh JOIN pg_class k ON k.oid = sh.table_name
                        WHERE k.relnamespace = current_schema()::regnamespace AND sh.nodeport = """ + port))
                        .as("shards of this schema on the new worker").isPositive();
                assertThat(count(s, "SELECT count(*) FROM habit_completions")).isEqualTo(done);
                assertThat(count(s, "SELECT count(*) FROM (SELECT 1 FROM habit_completions"
                        + " GROUP BY user_id, habit_id, completed_date HAVING count(*) > 1) d")).isZero();
                assertThat(count(s, "SELECT coalesce(sum(total_completed), 0) FROM habits")).isEqualTo(done);
            } finally {
                moving.set(false);
                writer.shutdownNow();
                writer.awaitTermination(1, TimeUnit.MINUTES);
                if (added) {
                    s.execute("SELECT citus_drain_node('" + host + "', " + port + ", shard_transfer_mode := 'block_writes')");
                    s.execute("SELECT citus_remove_node('" + host + "', " + port + ")");
                }
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
