package io.habitcoach.benchmarks;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.reminders.ReminderService;
import io.habitcoach.jooq.search.SearchService;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Reminders and search at scale (not a test; see docs/benchmarks.md, "Reminders and search").
 * Seeds, with set-based SQL, {@code users} users spread over 36 zones (with and without DST, whole,
 * half and 45-minute offsets) and {@code habits} reminder-enabled habits (half at a random minute,
 * half on the hour or half hour; daily, Mon/Wed/Fri and 3-per-week; a third done today), plus goals and
 * subtasks, then times {@code remindersDue} for one-minute windows (quiet and busy minutes), a one-hour
 * and a one-day window, and {@code search}.
 *
 * <pre>
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.habitcoach.benchmarks.ReminderSearchBenchmark [users [habits [full]]]
 * </pre>
 *
 * <p>A third argument prints the whole {@code EXPLAIN ANALYZE} of a quiet and a busy minute.
 */
public final class ReminderSearchBenchmark {

    private static final int CALLS = 50;
    private static final Instant DAY = Instant.parse("2026-05-06T00:00:00Z");   // a Wednesday

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int habits = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4)) {
            DataSource dataSource = db.dataSource();
            long seedStart = System.nanoTime();
            seed(dataSource, users, habits);
            System.out.printf(Locale.ROOT, "seeded %,d users, %,d habits in %.1f s%n", users, habits,
                    (System.nanoTime() - seedStart) / 1e9);
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource)
                    .clock(java.time.Clock.fixed(DAY.plus(Duration.ofHours(12)), java.time.ZoneOffset.UTC)).load();
            ReminderService reminders = coach.reminders();

            // warm-up: JIT, pool, the server's zone cache and plan caches
            for (int i = 0; i < 200; i++) {
                Instant t = DAY.plus(Duration.ofMinutes(7L * i));
                reminders.remindersDue(t, t.plusSeconds(60));
            }
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s %8s%n", "call", "results", "min ms", "p50 ms", "p99 ms",
                    "max ms");
            // quiet minutes: 10:01..10:50 UTC (random-minute habits only, in most zones)
            time("remindersDue, 1 minute, quiet minutes", 200, i -> {
                Instant t = DAY.plus(Duration.ofHours(10 + i / 50)).plus(Duration.ofMinutes(1 + i % 50));
                return reminders.remindersDue(t, t.plusSeconds(60)).size();
            });
            // busy minutes: on the hour UTC is :00 or :30 local in almost every zone
            time("remindersDue, 1 minute, on the hour", CALLS, i -> {
                Instant t = DAY.plus(Duration.ofHours(i % 24)).plus(Duration.ofDays(i / 24));
                return reminders.remindersDue(t, t.plusSeconds(60)).size();
            });
            time("remindersDue, 1 hour", 10, i -> {
                Instant t = DAY.plus(Duration.ofHours(i));
                return reminders.remindersDue(t, t.plus(Duration.ofHours(1))).size();
            });
            time("remindersDue, 1 day (the maximum)", 5, i -> {
                Instant t = DAY.plus(Duration.ofHours(i));
                return reminders.remindersDue(t, t.plus(Duration.ofDays(1))).size();
            });
            String heavy = oneUserWithManyItems(dataSource);
            SearchService search = coach.search();
            String[] queries = {"corr", "leitura", "saude", "corridas", "medit", "a & !b", "habit 4"};
            for (String q : queries) {
                search.search(heavy, q);
            }
            time("search, user with 40 habits + 10 goals", CALLS,
                    i -> search.search(heavy, queries[i % queries.length]).size());
            time("search, any user, prefix \"habit\"", CALLS, i -> search.search("u" + (1 + i * 97 % users), "habit").size());
            // nothing matches exactly: the trigram fallback reads every row of the user
            String[] typos = {"leitrua", "meditcao", "corrrida"};
            time("search, user with 40 habits + 10 goals, typos", CALLS,
                    i -> search.search(heavy, typos[i % typos.length]).size());
            serverSide(dataSource, DAY.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(7)), "a quiet minute:", 50);
            serverSide(dataSource, DAY.plus(Duration.ofHours(10)), "a busy minute:", 50);
            explain(dataSource, DAY.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(7)), "a quiet minute",
                    args.length > 2);
            explain(dataSource, DAY.plus(Duration.ofHours(10)), "a busy minute", args.length > 2);
        }
    }

    @FunctionalInterface
    private interface Call {
        int run(int i) throws Exception;
    }

    private static void time(String name, int calls, Call call) throws Exception {
        long[] nanos = new long[calls];
        long results = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            results += call.run(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-44s %8.1f %8.2f %8.2f %8.2f %8.2f%n", name, (double) results / calls,
                nanos[0] / 1e6, nanos[calls / 2] / 1e6, nanos[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1e6,
                nanos[calls - 1] / 1e6);
    }

    private static void seed(DataSource dataSource, int users, int habits) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO users (id, email, timezone, language, day_start, first_day_of_week)
                    SELECT 'u' || g, 'u' || g || '@bench.example',
                           (ARRAY['America/Sao_Paulo', 'America/New_York', 'America/Chicago', 'America/Denver',
                                  'America/Los_Angeles', 'America/Mexico_City', 'America/Bogota', 'America/Lima',
                                  'America/Santiago', 'America/Argentina/Buenos_Aires', 'America/Halifax',
                                  'America/St_Johns', 'America/Anchorage', 'Pacific/Honolulu', 'Europe/London',
                                  'Europe/Lisbon', 'Europe/Berlin', 'Europe/Paris', 'Europe/Madrid', 'Europe/Rome',
                                  'Europe/Athens', 'Europe/Moscow', 'Africa/Lagos', 'Africa/Johannesburg',
                                  'Africa/Cairo', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Bangkok',
                                  'Asia/Shanghai', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney',
                                  'Australia/Adelaide', 'Pacific/Auckland', 'Pacific/Chatham'])[1 + g %% 36],
                           CASE WHEN g %% 3 = 0 THEN 'en' ELSE 'pt-BR' END,
                           CASE WHEN g %% 10 = 0 THEN time '04:00' ELSE time '00:00' END,
                           CASE WHEN g %% 7 = 0 THEN 7 ELSE 1 END
                    FROM generate_series(1, %d) g""".formatted(users));
            s.execute("""
                    INSERT INTO habits (id, user_id, name, description, frequency, specific_days, times_per_week,
                                        preferred_time, reminder_enabled, status)
                    SELECT 'h' || g, 'u' || (1 + g %% %d),
                           (ARRAY['Corrida', 'Leitura', 'Meditação', 'Beber água', 'Habit'])[1 + g %% 5] || ' ' || g,
                           CASE WHEN g %% 2 = 0 THEN 'Cuidar da saúde todos os dias' END,
                           CASE WHEN g %% 20 < 12 THEN 'daily' WHEN g %% 20 < 17 THEN 'specific_days' ELSE 'per_week' END,
                           CASE WHEN g %% 20 BETWEEN 12 AND 16 THEN '["Monday","Wednesday","Friday"]'::jsonb END,
                           CASE WHEN g %% 20 >= 17 THEN 3 END,
                           CASE WHEN g %% 2 = 0
                                THEN to_char(time '00:00' + floor(random() * 1440) * interval '1 minute', 'HH24:MI')
                                ELSE to_char(time '05:00' + floor(random() * 36) * interval '30 minutes', 'HH24:MI') END,
                           true, 'active'
                    FROM generate_series(1, %d) g""".formatted(users, habits));
            // a third of the habits are done on the day of the benchmark (the user's local day)
            s.execute("""
                    INSERT INTO habit_completions (id, habit_id, user_id, completed_date, kind)
                    SELECT 'c' || h.id, h.id, h.user_id, DATE '2026-05-06', 'done'
                    FROM habits h WHERE right(h.id, 1) IN ('1', '4', '7')""");
            s.execute("""
                    INSERT INTO goals (id, user_id, title, description, category, start_date)
                    SELECT 'g' || g, 'u' || (1 + g %% %d), 'Maratona ' || g, 'Correr 42 km', 'health', DATE '2026-01-01'
                    FROM generate_series(1, %d) g""".formatted(users, users / 2));
            s.execute("""
                    INSERT INTO goal_subtasks (id, goal_id, user_id, title, "order")
                    SELECT 's' || g.id || '-' || k, g.id, g.user_id, 'Treino ' || k, k
                    FROM goals g, generate_series(1, 3) k""");
            s.execute("ANALYZE");
        }
    }

    /** A user with 40 habits and 10 goals of 3 subtasks, beside everyone else's rows. */
    private static String oneUserWithManyItems(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email) VALUES ('heavy', 'heavy@bench.example')");
            s.execute("""
                    INSERT INTO habits (id, user_id, name, description, frequency)
                    SELECT 'hh' || g, 'heavy',
                           (ARRAY['Corrida', 'Leitura', 'Meditação', 'Beber água', 'Habit'])[1 + g % 5] || ' ' || g,
                           'Cuidar da saúde, corridas e leituras', 'daily'
                    FROM generate_series(1, 40) g""");
            s.execute("""
                    INSERT INTO goals (id, user_id, title, description, category, start_date)
                    SELECT 'hg' || g, 'heavy', 'Maratona ' || g, 'Correr 42 km em 2026', 'health', DATE '2026-01-01'
                    FROM generate_series(1, 10) g""");
            s.execute("""
                    INSERT INTO goal_subtasks (id, goal_id, user_id, title, "order")
                    SELECT 'hs' || g || '-' || k, 'hg' || g, 'heavy', 'Treino de corrida ' || k, k
                    FROM generate_series(1, 10) g, generate_series(1, 3) k""");
        }
        return "heavy";
    }

    /** The median and minimum of the server's "Execution Time" over {@code runs} runs of one window. */
    private static void serverSide(DataSource dataSource, Instant from, String what, int runs) throws Exception {
        String sql = io.habitcoach.jooq.reminders.internal.ReminderSql.DUE.replace("{0}", "?").replace("{1}", "?");
        double[] ms = new double[runs];
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) " + sql)) {
            for (int i = 0; i < runs; i++) {
                p.setObject(1, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
                p.setObject(2, java.time.OffsetDateTime.ofInstant(from.plusSeconds(60), java.time.ZoneOffset.UTC));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String line = r.getString(1).strip();
                        if (line.startsWith("Execution Time:")) {
                            ms[i] = Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                        }
                    }
                }
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "server execution time, %-21s min %.2f ms, median %.2f ms (%d runs)%n", what,
                ms[0], ms[runs / 2], runs);
    }

    private static void explain(DataSource dataSource, Instant from, String what, boolean full) throws Exception {
        String sql = io.habitcoach.jooq.reminders.internal.ReminderSql.DUE.replace("{0}", "?").replace("{1}", "?");
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, SUMMARY ON) " + sql)) {
            p.setObject(1, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            p.setObject(2, java.time.OffsetDateTime.ofInstant(from.plusSeconds(60), java.time.ZoneOffset.UTC));
            List<String> lines = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
            System.out.println("EXPLAIN ANALYZE of " + what + (full ? ":" : " (summary):"));
            lines.stream().filter(l -> full || l.contains("Planning Time") || l.contains("Execution Time")
                    || l.contains("CTE candidates") || l.contains("rows=") && l.contains("Scan on habits"))
                    .forEach(l -> System.out.println("  " + l.strip()));
        }
    }
}
