package io.habitcoach.jooq;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The database paths' throughput and latency harness (not a test; see docs/benchmarks.md):
 * {@code complete()} at 1, 4 and 8 threads beside a plain-JDBC baseline doing the minimal work
 * (insert the entry, update the habit's counters, commit), habits with 10 and 3,650 days of
 * history, and the dashboard of a user with 10 habits and 5 goals.
 */
public final class ServiceBenchmark {

    private static final int HABITS_PER_SET = 400;
    private static final int DAYS_PER_ROUND = 8;        // the completion window: today and 7 days back
    private static final Instant START = Instant.parse("2030-01-01T15:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final DataSource dataSource;
    private final HabitCoach coach;
    private int round;

    private ServiceBenchmark(DataSource dataSource) {
        this.dataSource = dataSource;
        this.coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
    }

    public static void main(String[] args) throws Exception {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(8)) {
            new ServiceBenchmark(db.dataSource()).run();
        }
    }

    private record Target(String userId, String habitId) {
    }

    private void run() throws Exception {
        if (Boolean.getBoolean("bench.profile")) {
            List<Target> targets = habits(HABITS_PER_SET, 10);
            for (int i = 0; i < 4; i++) {
                measure("profile", targets, 1, this::complete).print();
            }
            return;
        }
        List<Target> shortHistory = habits(HABITS_PER_SET, 10);
        List<Target> longHistory = habits(HABITS_PER_SET, 3_650);
        List<Target> baseline = habits(HABITS_PER_SET, 10);
        // warm-up: JIT, pool, plan caches
        measure("warm-up", shortHistory, 4, this::complete);
        measure("warm-up", baseline, 4, this::completePlainJdbc);
        System.out.printf(Locale.ROOT, "%-28s %7s %10s %9s %9s%n", "path", "threads", "ops/s", "p50 ms", "p99 ms");
        for (int threads : new int[] {1, 4, 8}) {
            measure("jdbc baseline", baseline, threads, this::completePlainJdbc).print();
            measure("complete(), 10-day history", shortHistory, threads, this::complete).print();
            measure("complete(), 3650-day history", longHistory, threads, this::complete).print();
        }
        dashboard();
    }

    @FunctionalInterface
    private interface Op {
        void run(Target target, LocalDate date) throws Exception;
    }

    private void complete(Target t, LocalDate date) {
        coach.habits().complete(t.userId, t.habitId, date);
    }

    private void completePlainJdbc(Target t, LocalDate date) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO habit_completions (id, user_id, habit_id, "
                    + "completed_date, kind) VALUES (?, ?, ?, ?, 'done') ON CONFLICT (habit_id, completed_date) DO NOTHING");
                    PreparedStatement update = c.prepareStatement("UPDATE habits SET total_completed = total_completed + 1,"
                            + " completed_last_at = greatest(completed_last_at, ?), updated_at = now()"
                            + " WHERE id = ? AND user_id = ?")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, t.userId);
                insert.setString(3, t.habitId);
                insert.setObject(4, date);
                if (insert.executeUpdate() == 1) {
                    update.setObject(1, date);
                    update.setString(2, t.habitId);
                    update.setString(3, t.userId);
                    update.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private record Result(String path, int threads, double opsPerSecond, double p50Millis, double p99Millis) {
        void print() {
            System.out.printf(Locale.ROOT, "%-28s %7d %10.0f %9.2f %9.2f%n", path, threads, opsPerSecond, p50Millis,
                    p99Millis);
        }
    }

    /** Each thread completes its share of the habits for the eight days of the window, oldest first. */
    private Result measure(String path, List<Target> targets, int threads, Op op) throws Exception {
        LocalDate today = nextRound();
        long[] latencies = new long[targets.size() * DAYS_PER_ROUND];
        AtomicLong index = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = worker; i < targets.size(); i += threads) {
                        for (int back = DAYS_PER_ROUND - 1; back >= 0; back--) {
                            long t0 = System.nanoTime();
                            op.run(targets.get(i), today.minusDays(back));
                            latencies[(int) index.getAndIncrement()] = System.nanoTime() - t0;
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            thread.start();
            workers.add(thread);
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - begin;
        if (!errors.isEmpty()) {
            throw new IllegalStateException(path + " failed", errors.get(0));
        }
        int n = (int) index.get();
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(path, threads, n / (elapsed / 1e9), sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6);
    }

    /** Moves the clock so that a fresh window of eight days is open for every habit. */
    private LocalDate nextRound() {
        round++;
        clock.set(START.plus(Duration.ofDays((long) DAYS_PER_ROUND * round)));
        return LocalDate.of(2030, 1, 1).plusDays((long) DAYS_PER_ROUND * round);
    }

    /** {@code count} daily habits, one per user (UTC), each done every day of the {@code days} before the first round. */
    private List<Target> habits(int count, int days) throws SQLException {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@bench.example")
                    .timezone("UTC").build());
            Habit habit = coach.habits().create(user.id(), NewHabit.builder().name("Run " + i)
                    .frequency(Frequency.daily()).build());
            targets.add(new Target(user.id(), habit.id()));
        }
        LocalDate lastSeeded = LocalDate.of(2030, 1, 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO habit_completions (user_id, habit_id, completed_date, kind) "
                    + "SELECT h.user_id, h.id, DATE '" + lastSeeded + "' - g, 'done' FROM habits h "
                    + "CROSS JOIN generate_series(0, " + (days - 1) + ") g WHERE h.id IN ("
                    + String.join(",", targets.stream().map(t -> "'" + t.habitId + "'").toList()) + ")");
        }
        // let the service compute the caches from the seeded history: an undo recomputes in full,
        // the completion that follows puts the last day back (the clock still stands on that day)
        for (Target t : targets) {
            coach.habits().undo(t.userId, t.habitId, lastSeeded);
            coach.habits().complete(t.userId, t.habitId, lastSeeded);
        }
        return targets;
    }

    private void dashboard() {
        User user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@bench.example").build());
        LocalDate today = coach.dashboards().dashboard(user.id()).today();
        for (int i = 0; i < 10; i++) {
            Habit habit = coach.habits().create(user.id(), NewHabit.builder().name("Habit " + i)
                    .frequency(Frequency.daily()).build());
            for (int back = 0; back < 7; back += 1 + (i % 2)) {
                coach.habits().complete(user.id(), habit.id(), today.minusDays(back));
            }
        }
        for (int g = 0; g < 5; g++) {
            coach.goals().create(user.id(), NewGoal.builder().title("Goal " + g).subtask("a").subtask("b").subtask("c")
                    .build());
        }
        int n = 3_000;
        long[] latencies = new long[n];
        for (int i = 0; i < 500; i++) {
            coach.dashboards().dashboard(user.id());
        }
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            coach.dashboards().dashboard(user.id());
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "dashboard (10 habits, 5 goals), 1 thread: p50 %.2f ms, p99 %.2f ms%n",
                latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
    }
}
