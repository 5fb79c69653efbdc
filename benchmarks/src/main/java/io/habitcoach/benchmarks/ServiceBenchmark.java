package io.habitcoach.benchmarks;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The database paths' throughput and latency harness (a {@code main} that prints its figures; see
 * docs/benchmarks.md): {@code complete()} at 1, 4 and 8 threads beside a plain-JDBC baseline doing
 * the minimal work (insert the entry, update the habit's counters, commit), on habits with 10 and
 * 3,650 days of history, and on an instance that remembers no habit between completions
 * ({@code completionCacheSize(0)}); and the dashboard of a user with 10 habits and 5 goals.
 *
 * <p>Each figure is the median of {@code -Dbench.repetitions} (default 5) measurements, taken in
 * turns with the other paths at the same thread count, so that a busy moment of the machine does
 * not land on one path only. "jvm cpu/op" is the CPU the whole JVM used during the measurement (the
 * calls' threads, the JIT, the GC; not the database's processes) per call, in microseconds: what
 * the library itself costs per call, which the machine's other load changes far less than it
 * changes the throughput.
 */
public final class ServiceBenchmark {

    private static final int HABITS_PER_SET = 400;
    private static final int DAYS_PER_ROUND = 8;        // the completion window: today and 7 days back
    private static final Instant START = Instant.parse("2030-01-01T15:00:00Z");
    private static final LocalDate START_DAY = LocalDate.of(2030, 1, 1);

    private final MutableClock clock = new MutableClock(START);
    private final DataSource dataSource;
    private final HabitCoach coach;
    /** The same library remembering no habit: every completion locks and reads first (as on a node that did not serve the habit's last completion). */
    private final HabitCoach forgetful;
    private final int repetitions = Integer.getInteger("bench.repetitions", 5);
    private int round;

    private ServiceBenchmark(DataSource dataSource) {
        this.dataSource = dataSource;
        this.coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        this.forgetful = HabitCoach.configure().dataSource(dataSource).clock(clock).completionCacheSize(0).load();
    }

    public static void main(String[] args) throws Exception {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(8)) {
            new ServiceBenchmark(db.dataSource()).run();
        }
    }

    private record Target(String userId, String habitId) {
    }

    @FunctionalInterface
    private interface Op {
        void run(Target target, LocalDate date) throws Exception;
    }

    private record Path(String name, List<Target> targets, Op op) {
    }

    private void run() throws Exception {
        List<Path> paths = List.of(
                new Path("jdbc baseline", habits(HABITS_PER_SET, 10), this::completePlainJdbc),
                new Path("jdbc, same work", habits(HABITS_PER_SET, 10), this::completePlainJdbcSameWork),
                new Path("complete(), 10-day history", habits(HABITS_PER_SET, 10), this::complete),
                new Path("complete(), 3650-day history", habits(HABITS_PER_SET, 3_650), this::complete),
                new Path("complete(), not remembered", habits(HABITS_PER_SET, 10), this::completeForgetful));
        // warm-up: JIT, pool, server-side prepared statements and plan caches
        for (int i = 0; i < 3; i++) {
            for (Path path : paths) {
                measure(path, 4);
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %7s %10s %9s %9s %11s   (median of %d)%n", "path", "threads", "ops/s",
                "p50 ms", "p99 ms", "jvm cpu/op", repetitions);
        for (int threads : threadCounts()) {
            List<List<Result>> results = new ArrayList<>();
            paths.forEach(p -> results.add(new ArrayList<>()));
            for (int r = 0; r < repetitions; r++) {
                for (int p = 0; p < paths.size(); p++) {
                    results.get(p).add(measure(paths.get(p), threads));
                }
            }
            for (List<Result> runs : results) {
                median(runs).print();
            }
            double baseline = median(results.get(0)).opsPerSecond;
            double sameWork = median(results.get(1)).opsPerSecond;
            for (int p = 1; p < paths.size(); p++) {
                System.out.printf(Locale.ROOT, "  %s at %d threads: %.0f %% of the baseline%s%n", paths.get(p).name,
                        threads, 100 * median(results.get(p)).opsPerSecond / baseline, p < 2 ? ""
                                : String.format(Locale.ROOT, ", %.0f %% of jdbc doing the same work",
                                        100 * median(results.get(p)).opsPerSecond / sameWork));
            }
        }
        dashboard();
    }

    /** {@code -Dbench.threads=8} measures one thread count only; default 1, 4 and 8. */
    private static int[] threadCounts() {
        return Arrays.stream(System.getProperty("bench.threads", "1,4,8").split(",")).mapToInt(Integer::parseInt)
                .toArray();
    }

    private void complete(Target t, LocalDate date) {
        coach.habits().complete(t.userId, t.habitId, date);
    }

    private void completeForgetful(Target t, LocalDate date) {
        forgetful.habits().complete(t.userId, t.habitId, date);
    }

    private void completePlainJdbc(Target t, LocalDate date) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (insertEntry(c, t, date)) {
                updateHabit(c, "total_completed = total_completed + 1", t, date);
            }
            c.commit();
        }
    }

    /** Inserts the day's entry unless it exists; whether it was new. */
    private static boolean insertEntry(Connection c, Target t, LocalDate date) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO habit_completions (id, user_id, habit_id,"
                + " completed_date, kind) VALUES (?, ?, ?, ?, 'done') ON CONFLICT (user_id, habit_id, completed_date) DO NOTHING")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, t.userId);
            insert.setString(3, t.habitId);
            insert.setObject(4, date);
            return insert.executeUpdate() == 1;
        }
    }

    /** Updates the habit's counters: {@code assignments}, then the last done date and updated_at. */
    private static void updateHabit(Connection c, String assignments, Target t, LocalDate date) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE habits SET " + assignments
                + ", completed_last_at = greatest(completed_last_at, ?), updated_at = now() WHERE id = ? AND user_id = ?")) {
            update.setObject(1, date);
            update.setString(2, t.habitId);
            update.setString(3, t.userId);
            update.executeUpdate();
        }
    }

    /**
     * What complete() does in the common case, written by hand in plain JDBC with no rules: lock the
     * habit and read its owner's settings and last ten coach messages, insert the entry, update the
     * habit's caches, log a coach message, commit. The reference for the library's own overhead;
     * the difference to the baseline is the work the issue asks for beyond the minimal completion.
     */
    private void completePlainJdbcSameWork(Target t, LocalDate date) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT h.status, h.frequency, h.longest_streak,"
                    + " h.total_completed, h.completed_last_at, h.streak_run_length, h.streak_run_start,"
                    + " u.timezone, u.day_start, u.language, u.selected_personality,"
                    + " ARRAY(SELECT m.message FROM ai_messages m WHERE m.user_id = ?"
                    + " ORDER BY m.created_at DESC, m.id DESC LIMIT 10)"
                    + " FROM habits h JOIN users u ON u.id = h.user_id"
                    + " WHERE h.id = ? AND h.user_id = ? AND u.deleted_at IS NULL FOR NO KEY UPDATE OF h")) {
                lock.setString(1, t.userId);
                lock.setString(2, t.habitId);
                lock.setString(3, t.userId);
                try (var rs = lock.executeQuery()) {
                    rs.next();
                }
            }
            if (insertEntry(c, t, date)) {
                updateHabit(c, "total_completed = total_completed + 1, current_streak = current_streak + 1,"
                        + " longest_streak = greatest(longest_streak, current_streak + 1),"
                        + " streak_run_length = streak_run_length + 1", t, date);
                try (PreparedStatement message = c.prepareStatement("INSERT INTO ai_messages (id, user_id, personality,"
                        + " message_type, message, habit_id, created_at)"
                        + " VALUES (?, ?, 'neutral', 'habit_complete', ?, ?, now())")) {
                    message.setString(1, UUID.randomUUID().toString());
                    message.setString(2, t.userId);
                    message.setString(3, "Done: " + date + ".");
                    message.setString(4, t.habitId);
                    message.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private record Result(String path, int threads, double opsPerSecond, double p50Millis, double p99Millis,
            double jvmCpuMicrosPerOp) {
        void print() {
            System.out.printf(Locale.ROOT, "%-28s %7d %10.0f %9.2f %9.2f %11.0f%n", path, threads, opsPerSecond, p50Millis,
                    p99Millis, jvmCpuMicrosPerOp);
        }
    }

    /** The CPU this JVM has used (all its threads: the calls', the JIT's, the GC's), in nanoseconds. */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The run with the median throughput (its latencies are that run's). */
    private static Result median(List<Result> runs) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.opsPerSecond, b.opsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    /** Each thread completes its share of the path's habits for the eight days of the window, oldest first. */
    private Result measure(Path path, int threads) throws Exception {
        LocalDate today = nextRound();
        List<Target> targets = path.targets;
        long[] latencies = new long[targets.size() * DAYS_PER_ROUND];
        AtomicInteger index = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = worker; i < targets.size(); i += threads) {
                        for (int back = DAYS_PER_ROUND - 1; back >= 0; back--) {
                            long t0 = System.nanoTime();
                            path.op.run(targets.get(i), today.minusDays(back));
                            latencies[index.getAndIncrement()] = System.nanoTime() - t0;
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
        long cpuBegin = jvmCpuNanos();
        start.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - begin;
        long cpu = jvmCpuNanos() - cpuBegin;
        if (!errors.isEmpty()) {
            throw new IllegalStateException(path.name + " failed", errors.get(0));
        }
        int n = index.get();
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(path.name, threads, n / (elapsed / 1e9), sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6,
                cpu / 1e3 / n);
    }

    /**
     * Moves the clock so that a fresh window of eight days is open for every habit. A set measured
     * in consecutive rounds extends its streaks; after a pause it starts new runs (so the calls
     * cross milestones now and then, as real users do).
     */
    private LocalDate nextRound() {
        round++;
        clock.set(START.plus(Duration.ofDays((long) DAYS_PER_ROUND * round)));
        return START_DAY.plusDays((long) DAYS_PER_ROUND * round);
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
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO habit_completions (user_id, habit_id, completed_date, kind) "
                    + "SELECT h.user_id, h.id, DATE '" + START_DAY + "' - g, 'done' FROM habits h "
                    + "CROSS JOIN generate_series(0, " + (days - 1) + ") g WHERE h.id IN ("
                    + String.join(",", targets.stream().map(t -> "'" + t.habitId + "'").toList()) + ")");
        }
        // let the service compute the caches from the seeded history: an undo recomputes in full,
        // the completion that follows puts the last day back (the clock stands on that day)
        clock.set(START);
        for (Target t : targets) {
            coach.habits().undo(t.userId, t.habitId, START_DAY);
            coach.habits().complete(t.userId, t.habitId, START_DAY);
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
        int n = 5_000;
        long[] latencies = new long[n];
        for (int i = 0; i < 2_000; i++) {
            coach.dashboards().dashboard(user.id());
        }
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            coach.dashboards().dashboard(user.id());
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "dashboard (10 habits, 5 goals), 1 thread, %d calls: p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms%n", n, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6, latencies[n - 1] / 1e6);
    }
}
