package io.habitcoach.benchmarks;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
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
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * habit_completions partitioned by year (V8) against the same table unpartitioned (docs/benchmarks.md,
 * "Partitioning"): two databases on one server, the same rows (users x habits x years of daily
 * entries), the same keys and indexes; the only difference is the partitioning. Measured in turns,
 * so a busy moment of the machine does not land on one side only:
 *
 * <ul>
 *   <li>{@code complete()} throughput, 4 threads, each completing its habits for the round's day;</li>
 *   <li>the per-user 30-day read ({@code habits().recentCompletions(user, habit, 30)}), 1 thread;</li>
 *   <li>once at the end: dropping the oldest year's partition against a DELETE of the same rows.</li>
 * </ul>
 *
 * <p>{@code -Dbench.users} (default 400), {@code -Dbench.years} (default 5), {@code -Dbench.repetitions}
 * (default 5, at most 7: one day of the completion window each), {@code -Dbench.threads} (default 4),
 * {@code -Dbench.reads} (default 2,000 per measurement).
 */
public final class PartitionBenchmark {

    private static final int HABITS_PER_USER = 2;
    private static final int USERS = Integer.getInteger("bench.users", 400);
    private static final int YEARS = Integer.getInteger("bench.years", 5);
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 5);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int READS = Integer.getInteger("bench.reads", 2_000);
    private static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 1);
    private static final LocalDate TODAY = FIRST_DAY.plusYears(YEARS).minusDays(1);

    private record Side(String name, DataSource dataSource, HabitCoach coach, MutableClock clock, List<Target> targets) {
    }

    private record Target(String userId, String habitId) {
    }

    public static void main(String[] args) throws Exception {
        try (HabitCoachTestDatabase partitioned = HabitCoachTestDatabase.create(THREADS + 2);
                HabitCoachTestDatabase plain = HabitCoachTestDatabase.create(THREADS + 2)) {
            unpartition(plain.dataSource());
            Side p = side("partitioned", partitioned.dataSource());
            Side u = side("unpartitioned", plain.dataSource());
            System.out.printf(Locale.ROOT, "%d users x %d habits x %d years of daily entries: %,d rows per side%n",
                    USERS, HABITS_PER_USER, YEARS, count(p.dataSource, "SELECT count(*) FROM habit_completions"));
            System.out.println("partitions: " + count(p.dataSource,
                    "SELECT count(*) FROM pg_inherits WHERE inhparent = 'habit_completions'::regclass"));

            List<Double> completeP = new ArrayList<>();
            List<Double> completeU = new ArrayList<>();
            List<double[]> readP = new ArrayList<>();
            List<double[]> readU = new ArrayList<>();
            for (int warm = 0; warm < 1; warm++) {          // a warm-up round, both sides
                completeRound(p, warm);
                completeRound(u, warm);
                reads(p);
                reads(u);
            }
            for (int r = 0; r < REPETITIONS; r++) {
                boolean pFirst = r % 2 == 0;              // alternate who goes first
                int day = 1 + r;
                if (pFirst) {
                    completeP.add(completeRound(p, day));
                    completeU.add(completeRound(u, day));
                    readP.add(reads(p));
                    readU.add(reads(u));
                } else {
                    completeU.add(completeRound(u, day));
                    completeP.add(completeRound(p, day));
                    readU.add(reads(u));
                    readP.add(reads(p));
                }
            }
            System.out.printf(Locale.ROOT, "complete(), %d threads, ops/s (median of %d): partitioned %.0f, unpartitioned %.0f (%.0f %%)%n",
                    THREADS, REPETITIONS, median(completeP), median(completeU), 100 * median(completeP) / median(completeU));
            System.out.println("  runs partitioned " + completeP + ", unpartitioned " + completeU);
            double[] rp = medianByP50(readP);
            double[] ru = medianByP50(readU);
            System.out.printf(Locale.ROOT, "recentCompletions(30 days), 1 thread, %d calls: partitioned p50 %.3f ms p99 %.3f ms;"
                    + " unpartitioned p50 %.3f ms p99 %.3f ms%n", READS, rp[0], rp[1], ru[0], ru[1]);

            // retention: the oldest year, dropped as a partition or deleted row by row (same rows)
            String lo = FIRST_DAY.toString();
            String hi = FIRST_DAY.plusYears(1).toString();
            long rows = count(u.dataSource, "SELECT count(*) FROM habit_completions WHERE completed_date >= '" + lo
                    + "' AND completed_date < '" + hi + "'");
            double drop = timed(p.dataSource, "DROP TABLE habit_completions_y" + FIRST_DAY.getYear());
            double delete = timed(u.dataSource, "DELETE FROM habit_completions WHERE completed_date >= '" + lo
                    + "' AND completed_date < '" + hi + "'");
            System.out.printf(Locale.ROOT, "retention of %d (%,d rows): DROP TABLE of its partition %.1f ms, DELETE %.1f ms"
                    + " (and the DELETE leaves %,d dead rows for VACUUM)%n", FIRST_DAY.getYear(), rows, drop, delete, rows);
        }
    }

    /** The "before": the same columns, keys and indexes as V8's, in one unpartitioned table. */
    private static void unpartition(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE hc_plain (LIKE habit_completions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            s.execute("INSERT INTO hc_plain SELECT * FROM habit_completions");
            s.execute("DROP TABLE habit_completions");
            s.execute("ALTER TABLE hc_plain RENAME TO habit_completions");
            s.execute("""
                    ALTER TABLE habit_completions
                      ADD CONSTRAINT habit_completions_pkey PRIMARY KEY (user_id, habit_id, completed_date),
                      ADD CONSTRAINT habit_completions_habit_fk FOREIGN KEY (user_id, habit_id)
                        REFERENCES habits (user_id, id) ON DELETE CASCADE;
                    CREATE INDEX habit_completions_habit_id_idx ON habit_completions (habit_id);
                    CREATE INDEX habit_completions_date_idx ON habit_completions (completed_date);
                    CREATE INDEX habit_completions_user_date_idx ON habit_completions (user_id, completed_date);
                    CREATE INDEX habit_completions_skipped_idx ON habit_completions (habit_id, completed_date)
                      WHERE kind = 'skipped'""");
            c.commit();
        }
    }

    private static Side side(String name, DataSource ds) throws SQLException {
        MutableClock clock = new MutableClock(Instant.parse(TODAY + "T12:00:00Z"));
        HabitCoach coach = HabitCoach.configure().dataSource(ds).clock(clock).load();
        if (name.equals("partitioned")) {
            for (int y = FIRST_DAY.getYear(); y <= TODAY.getYear() + 1; y++) {
                coach.jobs().ensureCompletionPartitions(Instant.parse(y + "-06-01T00:00:00Z"));
            }
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
            for (int h = 0; h < HABITS_PER_USER; h++) {
                Habit habit = coach.habits().create(user, NewHabit.builder().name("Habit " + h)
                        .frequency(Frequency.daily()).build());
                targets.add(new Target(user, habit.id()));
            }
        }
        // history: every day of the years, except the last week (the window complete() fills)
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO habit_completions (user_id, habit_id, completed_date, kind) "
                    + "SELECT h.user_id, h.id, d::date, 'done' FROM habits h, generate_series('" + FIRST_DAY
                    + "'::date, '" + TODAY.minusDays(8) + "'::date, interval '1 day') d");
            s.execute("ANALYZE");
        }
        return new Side(name, ds, coach, clock, targets);
    }

    /** Every habit completed for TODAY - back (0..7), by THREADS threads; ops/s. */
    private static double completeRound(Side side, int back) throws Exception {
        LocalDate date = TODAY.minusDays(back % 8);
        List<Target> shuffled = new ArrayList<>(side.targets);
        Collections.shuffle(shuffled, new java.util.Random(back));
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Target> mine = shuffled.subList(t * shuffled.size() / THREADS, (t + 1) * shuffled.size() / THREADS);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (Target target : mine) {
                        side.coach.habits().complete(target.userId, target.habitId, date);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(10).toMillis());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("complete() failed on " + side.name, failure.get());
        }
        return shuffled.size() / seconds;
    }

    /** READS 30-day reads of random habits; {p50, p99} in ms. */
    private static double[] reads(Side side) {
        java.util.Random random = new java.util.Random(7);
        double[] ms = new double[READS];
        for (int i = 0; i < READS; i++) {
            Target t = side.targets.get(random.nextInt(side.targets.size()));
            long t0 = System.nanoTime();
            side.coach.habits().recentCompletions(t.userId, t.habitId, 30);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[READS / 2], ms[READS * 99 / 100]};
    }

    private static double timed(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute(sql);
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double[] medianByP50(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }
}
