package io.habitcoach.jooq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.HabitCoachDataException;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, faults: the database server stops and starts again under a running workload. While it is
 * down every call fails cleanly (a retryable {@link HabitCoachDataException}, nothing else); after it
 * is back calls succeed again, and every habit's caches and every goal's counters are consistent.
 *
 * <p>Runs its own embedded PostgreSQL on a fixed port and data directory (the JVM's shared test server
 * is never stopped), so the restarted server has the same data at the same address.
 */
class ServerRestartTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final int WORKERS = 3;

    private static EmbeddedPostgres start(int port, Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the workload saw in each phase. */
    private static final class Outcomes {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger retryable = new AtomicInteger();
        final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();
    }

    @Test
    void callsFailCleanlyWhileTheServerIsDownAndSucceedAfterwardsWithConsistentData() throws Exception {
        Path dataDirectory = Files.createTempDirectory("habitcoach-restart-");
        int port = freePort();
        long initStarted = System.nanoTime();
        EmbeddedPostgres server = start(port, dataDirectory);
        System.out.printf("server restart: initdb and start took %.1f s%n", (System.nanoTime() - initStarted) / 1e9);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(WORKERS + 1);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(300);
        config.setValidationTimeout(250);
        config.setPoolName("habitcoach-restart");
        MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
            coach.migrate();
            List<String> users = new ArrayList<>();
            List<String> habits = new ArrayList<>();
            List<List<String>> subtasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
                users.add(userId);
                habits.add(coach.habits().create(userId, NewHabit.builder().name("Run " + i).frequency(Frequency.daily())
                        .build()).id());
                Goal goal = coach.goals().create(userId, NewGoal.builder().title("Goal " + i).category(GoalCategory.HEALTH)
                        .subtask("a").subtask("b").subtask("c").build());
                subtasks.add(goal.subtasks().stream().map(s -> s.id()).toList());
            }

            AtomicReference<Outcomes> phase = new AtomicReference<>(new Outcomes());
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Random random = new Random(w);
                Thread worker = new Thread(() -> {
                    while (running.get()) {
                        Outcomes outcomes = phase.get();
                        int u = random.nextInt(users.size());
                        LocalDate day = TODAY.minusDays(random.nextInt(7));
                        try {
                            switch (random.nextInt(5)) {
                                case 0, 1 -> coach.habits().complete(users.get(u), habits.get(u), day);
                                case 2 -> coach.habits().undo(users.get(u), habits.get(u), day);
                                case 3 -> coach.goals().moveSubtask(users.get(u), subtasks.get(u).get(random.nextInt(3)),
                                        SubtaskStatus.values()[random.nextInt(SubtaskStatus.values().length)]);
                                default -> coach.dashboards().dashboard(users.get(u));
                            }
                            outcomes.ok.incrementAndGet();
                        } catch (HabitCoachDataException e) {
                            if (e.isRetryable()) {
                                outcomes.retryable.incrementAndGet();
                                outcomes.states.computeIfAbsent(String.valueOf(e.sqlState()), k -> new AtomicInteger())
                                        .incrementAndGet();
                            } else {
                                outcomes.unexpected.add(e);
                            }
                        } catch (io.habitcoach.core.InvalidInputException e) {
                            // a random move from in progress back to pending is refused by the rules
                            if (!"status".equals(e.field())) {
                                outcomes.unexpected.add(e);
                            } else {
                                outcomes.ok.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            outcomes.unexpected.add(e);
                        }
                    }
                }, "restart-worker-" + w);
                worker.start();
                workers.add(worker);
            }

            Thread.sleep(500);
            Outcomes before = phase.getAndSet(new Outcomes());
            long stopped = System.nanoTime();
            server.close();                                  // pg_ctl stop -m fast, under the running workload
            Thread.sleep(1_000);
            Outcomes down = phase.getAndSet(new Outcomes());
            server = start(port, dataDirectory);             // same port, same data
            long restarted = System.nanoTime();
            Outcomes up = phase.get();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (up.ok.get() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            running.set(false);
            for (Thread worker : workers) {
                worker.join(10_000);
            }

            System.out.printf("server restart: before %d ok / %d retryable %s; stopped for %.1f s: %d ok / %d retryable %s;"
                            + " after restart: %d ok / %d retryable %s; unexpected %d%n",
                    before.ok.get(), before.retryable.get(), before.states, (restarted - stopped) / 1e9, down.ok.get(),
                    down.retryable.get(), down.states, up.ok.get(), up.retryable.get(), up.states,
                    before.unexpected.size() + down.unexpected.size() + up.unexpected.size());
            List<Throwable> unexpected = new ArrayList<>(before.unexpected);
            unexpected.addAll(down.unexpected);
            unexpected.addAll(up.unexpected);
            assertThat(unexpected).as("failures other than a retryable HabitCoachDataException").isEmpty();
            assertThat(before.ok.get()).isPositive();
            assertThat(down.retryable.get()).as("calls while the server was down failed, typed and retryable")
                    .isPositive();
            assertThat(up.ok.get()).as("calls succeed after the restart").isGreaterThanOrEqualTo(20);

            assertThat(Consistency.habitProblems(dataSource, clock, null, true)).isEmpty();
            assertThat(Consistency.goalProblems(dataSource, null, true)).isEmpty();
            // and the services work as before on the restarted server
            coach.habits().complete(users.get(0), habits.get(0), TODAY);
            assertThat(coach.habits().get(users.get(0), habits.get(0)).streak().totalCompleted()).isPositive();
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
