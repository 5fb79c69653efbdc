package io.habitcoach.benchmarks;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.jobs.CoachJobs;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Issue 18's measurements of {@link CoachJobsBenchmark} ({@code -Dmode=scale} and {@code -Dmode=day}):
 * users with a daily and a 3-per-week habit each, over 30 zones (a tenth with a 04:00 day start, a fifth
 * with Sunday weeks), seeded with set-based SQL ({@code INSERT ... SELECT generate_series}) together
 * with their due instants, as the jobs leave them when they run every few minutes.
 *
 * <ul>
 *   <li>{@code scale}: for each size, the steady state (nothing due: both jobs, five runs each) and,
 *       optionally, the first run a day later, when every user's day has closed (each daily habit
 *       missed: one event per user).</li>
 *   <li>{@code day}: a realistic day, Sunday 5 April 2026 12:00 UTC to Monday 12:00 UTC: both jobs every
 *       5 simulated minutes for 24 hours; every user's day closes once (the daily habit is missed), and
 *       ISO weeks close for four fifths of the users (their per-week habit is missed, and their weekly
 *       analysis is due), each zone at its own instant.</li>
 * </ul>
 */
final class DueScale {

    /** 30 zones from UTC-10 to UTC+14, several with DST. */
    static final String[] ZONES = {"Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver",
            "America/Chicago", "America/New_York", "America/Caracas", "America/Sao_Paulo", "America/St_Johns",
            "Atlantic/Azores", "UTC", "Europe/London", "Europe/Berlin", "Africa/Cairo", "Europe/Moscow",
            "Asia/Tehran", "Asia/Dubai", "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu",
            "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Adelaide", "Australia/Sydney",
            "Pacific/Noumea", "Pacific/Auckland", "Pacific/Kiritimati"};

    private DueScale() {
    }

    static void scale(int[] sizes, boolean firstRun) throws Exception {
        Instant steady = Instant.parse("2026-04-01T12:00:00Z");
        Instant nextDay = steady.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1));
        // Tuesday 7 April 12:01 UTC: every user's week (Monday or Sunday weeks) has closed
        Instant nextWeek = steady.plus(Duration.ofDays(6)).plus(Duration.ofMinutes(1));
        List<String> lines = new ArrayList<>();
        for (int users : sizes) {
            try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4)) {
                DataSource dataSource = db.dataSource();
                long t0 = System.nanoTime();
                seed(dataSource, users, steady);
                double seeding = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%,d users seeded in %.1f s: %s%n", users, seeding,
                        CoachJobsBenchmark.counts(dataSource));
                CoachJobs jobs = jobs(dataSource, steady);
                jobs.sweepMissed(steady.minusSeconds(1));   // warm the pool and the JIT a little
                lines.add(steadyLine(users, "sweepMissed", j -> j.sweepMissed(steady), jobs, seeding));
                lines.add(steadyLine(users, "weeklyAnalysis", j -> j.weeklyAnalysis(steady), jobs, seeding));
                if (firstRun) {
                    lines.add(firstRunLine(users, "sweepMissed first run", () -> jobs.sweepMissed(nextDay)));
                    lines.add(firstRunLine(users, "weeklyAnalysis first", () -> jobs.weeklyAnalysis(nextWeek)));
                }
                System.out.println(lines.get(lines.size() - 1));
            }
            if (firstRun && WARM_RUN) {
                // The same first runs on a second, identical database, in this JVM that has now run them
                // once: what a server that has been up since yesterday's runs does (its JIT has compiled
                // the jobs' code), apart from the cold JVM's compilation above.
                try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4)) {
                    seed(db.dataSource(), users, steady);
                    CoachJobs jobs = jobs(db.dataSource(), steady);
                    lines.add(firstRunLine(users, "sweepMissed first, warm", () -> jobs.sweepMissed(nextDay)));
                    lines.add(firstRunLine(users, "weeklyAnalysis 1st,warm", () -> jobs.weeklyAnalysis(nextWeek)));
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%-10s %-22s %8s %8s %8s %9s %9s %10s %9s %12s   %s%n", "users", "job / run",
                "due", "habits", "events", "scan ms", "wall ms", "thread cpu", "jvm cpu", "seed s|jit ms", "load");
        lines.forEach(System.out::println);
    }

    /** {@code -DwarmRun=false} skips the first runs on a second database with the JIT warm. */
    private static final boolean WARM_RUN = Boolean.parseBoolean(System.getProperty("warmRun", "true"));

    /** The jobs, with {@code -Dparallelism=N} batches at once if set (else the library's default). */
    static CoachJobs jobs(DataSource dataSource, Instant now) {
        CoachJobs jobs = HabitCoach.configure().dataSource(dataSource).clock(Clock.fixed(now, ZoneOffset.UTC)).load()
                .jobs();
        Integer parallelism = Integer.getInteger("parallelism");
        return parallelism == null ? jobs : jobs.withParallelism(parallelism);
    }

    private static String firstRunLine(int users, String what, java.util.function.Supplier<CoachJobResult> run) {
        String load = CoachJobsBenchmark.loadAverage();
        long thread = CoachJobsBenchmark.threadCpuNanos();
        long cpu = CoachJobsBenchmark.jvmCpuNanos();
        long jit = CoachJobsBenchmark.jitMillis();
        CoachJobResult first = run.get();
        return runLine(users, what, first, CoachJobsBenchmark.threadCpuNanos() - thread,
                CoachJobsBenchmark.jvmCpuNanos() - cpu, CoachJobsBenchmark.jitMillis() - jit, load);
    }

    /** Five runs with nothing due: the median and the worst wall time, and the median scan. */
    private static String steadyLine(int users, String job, Function<CoachJobs, CoachJobResult> run, CoachJobs jobs,
            double seeding) {
        long[] wall = new long[5];
        long[] scan = new long[5];
        int due = 0;
        String load = CoachJobsBenchmark.loadAverage();
        long thread = CoachJobsBenchmark.threadCpuNanos();
        long cpu = CoachJobsBenchmark.jvmCpuNanos();
        for (int i = 0; i < wall.length; i++) {
            CoachJobResult r = run.apply(jobs);
            wall[i] = r.elapsed().toNanos();
            scan[i] = r.scanElapsed().toNanos();
            due += r.due();
        }
        double threadMs = (CoachJobsBenchmark.threadCpuNanos() - thread) / 1e6 / wall.length;
        double cpuMs = (CoachJobsBenchmark.jvmCpuNanos() - cpu) / 1e6 / wall.length;
        Arrays.sort(wall);
        Arrays.sort(scan);
        return String.format(Locale.ROOT, "%-10d %-22s %8d %8s %8s %9.2f %9s %10.2f %9.2f %9.1f   %s", users,
                job + " idle", due, "-", "-", scan[2] / 1e6,
                String.format(Locale.ROOT, "%.1f/%.1f", wall[2] / 1e6, wall[4] / 1e6), threadMs, cpuMs, seeding, load);
    }

    private static String runLine(int users, String what, CoachJobResult r, long threadNanos, long cpuNanos,
            long jitMillis, String load) {
        return String.format(Locale.ROOT, "%-10d %-22s %8d %8d %8d %9.1f %9.1f %10.1f %9.1f %9s   %s", users, what,
                r.due(), r.habitsProcessed(), r.eventsRaised(), r.scanElapsed().toNanos() / 1e6,
                r.elapsed().toNanos() / 1e6, threadNanos / 1e6, cpuNanos / 1e6, "jit " + jitMillis, load);
    }

    static void day(int users) throws Exception {
        Instant start = Instant.parse("2026-04-05T12:00:00Z");
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4)) {
            DataSource dataSource = db.dataSource();
            long t0 = System.nanoTime();
            seed(dataSource, users, start);
            System.out.printf(Locale.ROOT, "%,d users seeded in %.1f s: %s%n", users, (System.nanoTime() - t0) / 1e9,
                    CoachJobsBenchmark.counts(dataSource));
            CoachJobs jobs = jobs(dataSource, start);
            long total = 0;
            long worst = 0;
            Instant worstAt = null;
            long thread = CoachJobsBenchmark.threadCpuNanos();
            long cpu = CoachJobsBenchmark.jvmCpuNanos();
            int runs = 0;
            int idle = 0;
            long idleTotal = 0;
            int[] due = new int[2];
            int[] events = new int[2];
            for (Instant t = start.plus(Duration.ofMinutes(5)); !t.isAfter(start.plus(Duration.ofHours(24)));
                    t = t.plus(Duration.ofMinutes(5))) {
                long began = System.nanoTime();
                CoachJobResult sweep = jobs.sweepMissed(t);
                CoachJobResult weekly = jobs.weeklyAnalysis(t);
                long took = System.nanoTime() - began;
                runs++;
                total += took;
                if (took > worst) {
                    worst = took;
                    worstAt = t;
                }
                if (sweep.due() + weekly.due() == 0) {
                    idle++;
                    idleTotal += took;
                }
                due[0] += sweep.due();
                due[1] += weekly.due();
                events[0] += sweep.eventsRaised();
                events[1] += weekly.eventsRaised();
                if (took > 1_000_000_000L) {
                    System.out.printf(Locale.ROOT, "%s: %d habits due, %d users' weeks due, %.2f s%n", t, sweep.due(),
                            weekly.due(), took / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "%nrealistic day, %,d users in %d zones: %d runs of both jobs (every 5"
                            + " simulated minutes)%n", users, ZONES.length, runs);
            System.out.printf(Locale.ROOT, "habits due %,d, misses raised %,d; users' weeks due %,d, analyses %,d%n",
                    due[0], events[0], due[1], events[1]);
            System.out.printf(Locale.ROOT, "total %.1f s (main thread cpu %.1f s, jvm cpu %.1f s); worst run %.2f s at %s;"
                            + " %d idle runs, %.1f ms each on average; load %s%n", total / 1e9,
                    (CoachJobsBenchmark.threadCpuNanos() - thread) / 1e9, (CoachJobsBenchmark.jvmCpuNanos() - cpu) / 1e9,
                    worst / 1e9, worstAt, idle, idle == 0 ? 0 : idleTotal / 1e6 / idle, CoachJobsBenchmark.loadAverage());
        }
    }

    /**
     * {@code users} users with a daily and a 3-per-week habit each, created 30 days before {@code asOf}, no
     * entries, and the due instants as of {@code asOf}: the close of today (daily), of this week
     * (per-week habit and weekly analysis), in each user's zone and day start. Three statements.
     */
    static void seed(DataSource dataSource, int users, Instant asOf) throws SQLException {
        String at = "timestamptz '" + asOf + "'";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, name, timezone, day_start, first_day_of_week, language,"
                    + " selected_personality, created_at, updated_at, next_weekly_at)"
                    + " SELECT 'user-' || lpad(i::text, 7, '0'), 'bench' || i || '@example.com', 'User ' || i,"
                    + " z.zone, z.ds, z.fdow, CASE WHEN i % 2 = 0 THEN 'en' ELSE 'pt-BR' END, 'neutral',"
                    + " " + at + " - interval '30 days', " + at + " - interval '30 days',"
                    + " ((t.today - ((extract(isodow FROM t.today)::int - z.fdow + 7) % 7) + 7) + z.ds) AT TIME ZONE z.zone"
                    + " FROM generate_series(1, " + users + ") i"
                    + " CROSS JOIN LATERAL (SELECT (ARRAY['" + String.join("','", ZONES) + "'])[1 + i % " + ZONES.length
                    + "] AS zone, CASE WHEN i % 10 = 0 THEN time '04:00' ELSE time '00:00' END AS ds,"
                    + " CASE WHEN i % 5 = 0 THEN 7 ELSE 1 END AS fdow) z"
                    + " CROSS JOIN LATERAL (SELECT ((" + at + " AT TIME ZONE z.zone) - z.ds)::date AS today) t");
            s.execute("INSERT INTO habits (id, user_id, name, frequency, times_per_week, status, created_at, updated_at,"
                    + " next_check_at)"
                    + " SELECT u.id || '-h' || k, u.id, CASE k WHEN 0 THEN 'Run' ELSE 'Gym' END,"
                    + " CASE k WHEN 0 THEN 'daily' ELSE 'per_week' END, CASE k WHEN 1 THEN 3 END, 'active',"
                    + " u.created_at, u.created_at,"
                    + " CASE k WHEN 0 THEN (((" + at + " AT TIME ZONE u.timezone) - u.day_start)::date + 1 + u.day_start)"
                    + " AT TIME ZONE u.timezone ELSE u.next_weekly_at END"
                    + " FROM users u CROSS JOIN generate_series(0, 1) k");
            s.execute("VACUUM ANALYZE");
        }
    }
}
