package io.habitcoach.jooq.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.ReadReplica;
import io.habitcoach.jooq.dashboards.Dashboard;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 17, read replicas with read-your-writes (docs/scale-out.md, "Read replicas").
 *
 * <p>{@link WithARealPair} runs against a real primary and streaming replica: start them with
 * {@code ../shared/replica/start-pair.sh 5440} and set {@code HABITCOACH_TEST_PRIMARY_URL} and
 * {@code HABITCOACH_TEST_REPLICA_URL} to the two JDBC URLs it prints; without them those tests are
 * skipped. The others run on the usual test database.
 */
class ReadReplicaTest {

    private static final String PRIMARY_URL = System.getenv("HABITCOACH_TEST_PRIMARY_URL");
    private static final String REPLICA_URL = System.getenv("HABITCOACH_TEST_REPLICA_URL");
    // Wednesday 2026-03-11, 13:00 UTC
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    @Nested
    @ExtendWith(HabitCoachDatabaseExtension.class)
    class OnOneServer {

        @Test
        void aReplicaThatIsDownSendsReadsToThePrimaryWithoutAnError(DataSource dataSource) {
            PGSimpleDataSource nothingThere = new PGSimpleDataSource();
            nothingThere.setURL("jdbc:postgresql://127.0.0.1:1/none?user=postgres&connectTimeout=2");
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(MutableClock.at("2026-03-11T13:00:00Z"))
                    .readDataSource(nothingThere).replicaCheckInterval(Duration.ZERO).load();
            String user = newUser(coach);
            Habit habit = newHabit(coach, user);
            coach.habits().complete(user, habit.id(), TODAY);

            Dashboard dashboard = coach.dashboards().dashboard(user);
            coach.dashboards().weeklySummary(user);
            coach.search().search(user, "run");
            coach.analytics().countsForUser(user, java.time.Instant.EPOCH, java.time.Instant.parse("2030-01-01T00:00:00Z"));
            coach.privacy().export(user);
            coach.jobs().sweepMissed();

            assertThat(dashboard.habits().get(0).lastSevenDays()).extracting(c -> c.date()).containsExactly(TODAY);
            ReadReplica.Stats stats = coach.readReplica().stats();
            assertThat(stats.replicaReads()).isZero();
            assertThat(stats.fallbacksReplicaDown()).isGreaterThanOrEqualTo(6);
        }

        @Test
        void aReplicaThatIsDownShowsInTheMetersAsFallbacksAndNoLag(DataSource dataSource) {
            PGSimpleDataSource nothingThere = new PGSimpleDataSource();
            nothingThere.setURL("jdbc:postgresql://127.0.0.1:1/none?user=postgres&connectTimeout=2");
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(MutableClock.at("2026-03-11T13:00:00Z"))
                    .readDataSource(nothingThere).replicaCheckInterval(Duration.ZERO).meterRegistry(meters).load();
            String user = newUser(coach);
            newHabit(coach, user);

            coach.dashboards().dashboard(user);
            coach.dashboards().weeklySummary(user);

            assertThat(counter(meters, "habitcoach.replica.fallbacks", "reason", "replica_down")).isEqualTo(2);
            assertThat(counter(meters, "habitcoach.replica.reads", "target", "primary")).isEqualTo(2);
            assertThat(counter(meters, "habitcoach.replica.reads", "target", "replica")).isZero();
            assertThat(meters.get("habitcoach.replica.up").gauge().value()).isZero();
            assertThat(meters.get("habitcoach.replica.lag").gauge().value()).isNaN();
            assertThat(meters.get("habitcoach.replica.lag").gauge().getId().getBaseUnit()).isEqualTo("seconds");
        }

        @Test
        void withoutAReplicaThereAreNoReplicaMeters(DataSource dataSource) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource).meterRegistry(meters).load();
            coach.dashboards().dashboard(newUser(coach));
            assertThat(meters.find("habitcoach.replica.reads").meters()).isEmpty();
            assertThat(meters.find("habitcoach.replica.lag").meters()).isEmpty();
        }

        @Test
        void aReadDataSourceThatIsNotInRecoveryServesTheReadsThatMayLag(DataSource dataSource) {
            // pointing the read data source at the primary itself: it has every write
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(MutableClock.at("2026-03-11T13:00:00Z"))
                    .readDataSource(dataSource).load();
            String user = newUser(coach);
            Habit habit = newHabit(coach, user);
            coach.habits().complete(user, habit.id(), TODAY);
            long before = coach.readReplica().stats().replicaReads();

            assertThat(coach.dashboards().dashboard(user).habits().get(0).lastSevenDays()).hasSize(1);
            coach.dashboards().weeklySummary(user);
            coach.search().search(user, "run");
            coach.privacy().export(user);

            assertThat(coach.readReplica().stats().replicaReads() - before).isEqualTo(4);
            assertThat(coach.readReplica().stats().primaryFallbacks()).isZero();
            // a write was remembered: the token names the primary's position after it
            assertThat(coach.readReplica().token(user)).hasValueSatisfying(t -> assertThat(t).matches("rw1\\.[0-9A-F]+-[0-9A-F]+"));
        }

        @Test
        void withoutAReplicaThereIsNoTokenAndABadTokenIsRefused(DataSource dataSource) {
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource).load();
            assertThat(coach.readReplica().configured()).isFalse();
            assertThat(coach.readReplica().token("u1")).isEmpty();
            coach.readReplica().observe("u1", "rw1.0-16B3748");   // a valid token: a no-op without a replica
            assertThatThrownBy(() -> coach.readReplica().observe("u1", "16/B3748"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("token");
            assertThatThrownBy(() -> coach.readReplica().observe("u1", "rw1.123456789-0"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("token");
            assertThatThrownBy(() -> HabitCoach.configure().replicaMaxLag(Duration.ofSeconds(-1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("replicaMaxLag");
        }
    }

    /** A primary and a streaming replica of it; each test class gets a new database on the pair. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithARealPair {

        private String database;
        private HikariDataSource primary;
        private HikariDataSource replica;

        @BeforeAll
        void startOnThePair() throws Exception {
            Assumptions.assumeTrue(PRIMARY_URL != null && REPLICA_URL != null,
                    "no primary/replica pair: start one with ../shared/replica/start-pair.sh 5440 and set "
                            + "HABITCOACH_TEST_PRIMARY_URL and HABITCOACH_TEST_REPLICA_URL to the URLs it prints");
            byte[] suffix = new byte[6];
            new SecureRandom().nextBytes(suffix);
            database = "habitcoach_rr_" + HexFormat.of().formatHex(suffix);
            try (Connection c = DriverManager.getConnection(PRIMARY_URL); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            primary = pool(withDatabase(PRIMARY_URL, database));
            HabitCoach.configure().dataSource(primary).clock(MutableClock.at("2026-03-11T13:00:00Z")).load().migrate();
            awaitReplayed();
            replica = pool(withDatabase(REPLICA_URL, database));
        }

        @AfterEach
        void neverLeaveReplayPaused() throws SQLException {
            resumeReplay();
        }

        @AfterAll
        void dropTheDatabase() throws SQLException {
            if (primary != null) {
                primary.close();
            }
            if (replica != null) {
                replica.close();
            }
            if (database != null) {
                try (Connection c = DriverManager.getConnection(PRIMARY_URL); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }

        private HabitCoach coach() {
            return HabitCoach.configure().dataSource(primary).readDataSource(replica)
                    .clock(MutableClock.at("2026-03-11T13:00:00Z"))
                    .replicaCheckInterval(Duration.ZERO).replicaMaxLag(Duration.ofHours(1)).load();
        }

        @Test
        void aUsersOwnCompletionShowsRightAwayWhileTheReplicaIsBehindAndOthersStillReadTheReplica() throws Exception {
            HabitCoach coach = coach();
            String user = newUser(coach);
            Habit habit = newHabit(coach, user);
            String other = newUser(coach);
            newHabit(coach, other);
            awaitReplayed();
            pauseReplay();

            coach.habits().complete(user, habit.id(), TODAY);
            ReadReplica.Stats before = coach.readReplica().stats();
            Dashboard mine = coach.dashboards().dashboard(user);
            Dashboard theirs = coach.dashboards().dashboard(other);
            ReadReplica.Stats after = coach.readReplica().stats();

            // the replica really is behind: it has not got the entry
            assertThat(countOnReplica("SELECT count(*) FROM habit_completions WHERE user_id = '" + user + "'")).isZero();
            // the user sees it all the same: their read went to the primary
            assertThat(mine.habits().get(0).lastSevenDays()).extracting(c -> c.date()).containsExactly(TODAY);
            assertThat(after.primaryReadsAwaitingReplay() - before.primaryReadsAwaitingReplay()).isEqualTo(1);
            // another user's read went to the replica
            assertThat(theirs.habits()).hasSize(1);
            assertThat(after.replicaReads() - before.replicaReads()).isEqualTo(1);

            resumeReplay();
            awaitReplayed();
            long replicaReads = coach.readReplica().stats().replicaReads();
            assertThat(coach.dashboards().dashboard(user).habits().get(0).lastSevenDays()).hasSize(1);
            assertThat(coach.readReplica().stats().replicaReads()).isEqualTo(replicaReads + 1);
        }

        @Test
        void aReadOnTheReplicaAndAFallbackShowInTheMeters() throws Exception {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HabitCoach coach = HabitCoach.configure().dataSource(primary).readDataSource(replica)
                    .clock(MutableClock.at("2026-03-11T13:00:00Z")).meterRegistry(meters)
                    .replicaCheckInterval(Duration.ZERO).replicaMaxLag(Duration.ofHours(1)).load();
            String user = newUser(coach);
            Habit habit = newHabit(coach, user);
            String other = newUser(coach);
            newHabit(coach, other);
            awaitReplayed();
            pauseReplay();

            coach.habits().complete(user, habit.id(), TODAY);
            double onReplica = counter(meters, "habitcoach.replica.reads", "target", "replica");
            double onPrimary = counter(meters, "habitcoach.replica.reads", "target", "primary");
            double awaiting = counter(meters, "habitcoach.replica.fallbacks", "reason", "awaiting_replay");
            coach.dashboards().dashboard(user);    // the replica has not replayed the write: the primary
            coach.dashboards().dashboard(other);   // another user: the replica

            assertThat(counter(meters, "habitcoach.replica.reads", "target", "replica") - onReplica).isEqualTo(1);
            assertThat(counter(meters, "habitcoach.replica.reads", "target", "primary") - onPrimary).isEqualTo(1);
            assertThat(counter(meters, "habitcoach.replica.fallbacks", "reason", "awaiting_replay") - awaiting).isEqualTo(1);
            assertThat(counter(meters, "habitcoach.replica.fallbacks", "reason", "replica_down")).isZero();
            assertThat(counter(meters, "habitcoach.replica.fallbacks", "reason", "replica_lagging")).isZero();
            assertThat(meters.get("habitcoach.replica.up").gauge().value()).isEqualTo(1);
            // a number, not NaN: the replica answered (its lag is under the hour it may lag)
            assertThat(meters.get("habitcoach.replica.lag").gauge().value()).isBetween(0.0, 3600.0);
            // the meters are the stats
            ReadReplica.Stats stats = coach.readReplica().stats();
            assertThat(counter(meters, "habitcoach.replica.reads", "target", "replica")).isEqualTo(stats.replicaReads());
            assertThat(counter(meters, "habitcoach.replica.reads", "target", "primary")).isEqualTo(stats.primaryFallbacks());
        }

        @Test
        void aTokenCarriesTheUsersWriteToAnotherInstance() throws Exception {
            HabitCoach first = coach();
            HabitCoach second = coach();
            String user = newUser(first);
            Habit habit = newHabit(first, user);
            awaitReplayed();
            pauseReplay();

            first.habits().complete(user, habit.id(), TODAY);
            String token = first.readReplica().token(user).orElseThrow();

            // the second instance knows nothing of the write: it reads the replica, which is behind
            assertThat(second.dashboards().dashboard(user).habits().get(0).lastSevenDays()).isEmpty();
            second.readReplica().observe(user, token);
            assertThat(second.dashboards().dashboard(user).habits().get(0).lastSevenDays()).hasSize(1);
            assertThat(second.readReplica().token(user)).contains(token);
        }

        @Test
        void aReplicaTooFarBehindSendsEveryReadToThePrimary() throws Exception {
            HabitCoach strict = HabitCoach.configure().dataSource(primary).readDataSource(replica)
                    .clock(MutableClock.at("2026-03-11T13:00:00Z"))
                    .replicaCheckInterval(Duration.ZERO).replicaMaxLag(Duration.ZERO).load();
            String user = newUser(strict);
            newHabit(strict, user);
            awaitReplayed();
            pauseReplay();
            // someone else's write, so the replica has received WAL it has not replayed
            String other = newUser(strict);
            awaitReceived();

            ReadReplica.Stats before = strict.readReplica().stats();
            assertThat(strict.dashboards().dashboard(user).habits()).hasSize(1);
            ReadReplica.Stats after = strict.readReplica().stats();

            assertThat(after.fallbacksReplicaLagging() - before.fallbacksReplicaLagging()).isEqualTo(1);
            assertThat(after.replicaReads()).isEqualTo(before.replicaReads());
            assertThat(other).isNotNull();
        }

        // --- the pair ---

        private void pauseReplay() throws SQLException {
            try (Connection c = DriverManager.getConnection(REPLICA_URL); Statement s = c.createStatement()) {
                s.execute("SELECT pg_wal_replay_pause()");
            }
        }

        private void resumeReplay() throws SQLException {
            try (Connection c = DriverManager.getConnection(REPLICA_URL); Statement s = c.createStatement()) {
                s.execute("SELECT pg_wal_replay_resume()");
            }
        }

        /** Waits (30 s at most) until the replica has replayed everything the primary has written so far. */
        private void awaitReplayed() throws Exception {
            awaitReplica("pg_last_wal_replay_lsn()");
        }

        /** Waits until the replica has received (not necessarily replayed) the primary's WAL so far. */
        private void awaitReceived() throws Exception {
            awaitReplica("pg_last_wal_receive_lsn()");
        }

        private void awaitReplica(String position) throws Exception {
            String target;
            try (Connection c = DriverManager.getConnection(PRIMARY_URL); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                r.next();
                target = r.getString(1);
            }
            try (Connection c = DriverManager.getConnection(REPLICA_URL); Statement s = c.createStatement()) {
                for (int i = 0; i < 300; i++) {
                    try (ResultSet r = s.executeQuery("SELECT " + position + " >= '" + target + "'::pg_lsn")) {
                        r.next();
                        if (r.getBoolean(1)) {
                            return;
                        }
                    }
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("the replica did not reach " + target + " (" + position + ") within 30 s");
        }

        private long countOnReplica(String query) throws SQLException {
            try (Connection c = replica.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    // --- helpers ---

    private static double counter(SimpleMeterRegistry meters, String name, String tag, String value) {
        return meters.get(name).tag(tag, value).functionCounter().count();
    }

    private static String newUser(HabitCoach coach) {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private static Habit newHabit(HabitCoach coach, String user) {
        return coach.habits().create(user, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
    }

    private static String withDatabase(String url, String database) {
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }
}
