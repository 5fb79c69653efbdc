package io.habitcoach.benchmarks;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The coach jobs over 10,000 users with 5 habits each and 90 days of history (not a test; see
 * docs/benchmarks.md, section "Coach jobs"). Seeds with a few set-based statements ({@code INSERT ...
 * SELECT generate_series}); the streak columns are computed by core once per distinct history pattern
 * and written with one UPDATE, so they equal a full recomputation. Then times {@code sweepMissed} and
 * {@code weeklyAnalysis}, each run twice (the second run is the steady state of a job called every few
 * minutes: nothing left to raise).
 *
 * <p>Histories, for habit {@code k} (0..4) of user {@code n}, offset {@code o = n + 3k}, day {@code i}
 * (0..89, from 2026-01-01 to 2026-03-31): daily habits ({@code k} = 0, 1, 4) are missed when
 * {@code (i + o) % 10 == 0}, else skipped when {@code (i + o) % 17 == 0}, else done; a Mon/Wed/Fri habit
 * ({@code k} = 2) is done on its days unless {@code (i + o) % 10 == 0}; a 3-a-week habit ({@code k} = 3)
 * is done when {@code (i + o)} is even and not a multiple of 20. The jobs run on 2026-04-01 at 12:00 UTC,
 * when yesterday is 31 March in every zone used.
 */
public final class CoachJobsBenchmark {

    private static final int USERS = Integer.getInteger("users", 10_000);
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 90;
    private static final int PATTERNS = 340;   // lcm(10, 17, 2, 20): the histories repeat with the offset
    private static final Instant AS_OF = Instant.parse("2026-04-01T12:00:00Z");
    private static final String[] ZONES = {"America/Sao_Paulo", "America/New_York", "Europe/London", "Europe/Berlin",
            "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles"};

    private CoachJobsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (System.getProperty("mode", "history")) {
            case "history" -> history();
            case "scale" -> DueScale.scale(sizes(System.getProperty("sizes", "2000,20000")),
                    Boolean.parseBoolean(System.getProperty("firstRun", "true")));
            case "day" -> DueScale.day(Integer.getInteger("users", 100_000));
            default -> throw new IllegalArgumentException("mode: history, scale or day");
        }
    }

    private static int[] sizes(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
    }

    /** The original scenario: 10,000 users with 90 days of history, every job run twice. */
    private static void history() throws Exception {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4)) {
            DataSource dataSource = db.dataSource();
            long t0 = System.nanoTime();
            seed(dataSource);
            System.out.printf(Locale.ROOT, "seeded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, counts(dataSource));
            HabitCoach coach = HabitCoach.configure().dataSource(dataSource)
                    .clock(Clock.fixed(AS_OF, ZoneOffset.UTC)).load();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String load = loadAverage();
                long cpu = jvmCpuNanos();
                long thread = threadCpuNanos();
                CoachJobResult r = i < 2 ? coach.jobs().sweepMissed(AS_OF) : coach.jobs().weeklyAnalysis(AS_OF);
                lines.add(String.format(Locale.ROOT, "%-15s %-6s %8d %8d %8d %8d %8d %8d %9.3f %9.2f %9.2f %9.2f   %s",
                        r.job(), i % 2 == 0 ? "first" : "again", r.due(), r.usersProcessed(), r.habitsProcessed(),
                        r.eventsRaised(), r.streaksRefreshed(), r.batches(), r.scanElapsed().toNanos() / 1e9,
                        r.elapsed().toNanos() / 1e9, (threadCpuNanos() - thread) / 1e9, (jvmCpuNanos() - cpu) / 1e9,
                        load));
            }
            System.out.printf(Locale.ROOT, "%-15s %-6s %8s %8s %8s %8s %8s %8s %9s %9s %9s %9s   %s%n", "job", "run",
                    "due", "users", "habits", "events", "streaks", "batches", "scan s", "wall s", "thread cpu",
                    "jvm cpu s", "load average before");
            lines.forEach(System.out::println);
        }
    }

    static void seed(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, name, timezone, day_start, first_day_of_week, language,"
                    + " selected_personality, created_at, updated_at)"
                    + " SELECT 'user-' || lpad(i::text, 6, '0'), 'bench' || i || '@example.com', 'User ' || i,"
                    + " (ARRAY['" + String.join("','", ZONES) + "'])[1 + i % " + ZONES.length + "],"
                    + " CASE WHEN i % 10 = 0 THEN time '04:00' ELSE time '00:00' END,"
                    + " CASE WHEN i % 5 = 0 THEN 7 ELSE 1 END,"
                    + " CASE WHEN i % 2 = 0 THEN 'en' ELSE 'pt-BR' END, 'neutral', now(), now()"
                    + " FROM generate_series(1, " + USERS + ") i");
            s.execute("INSERT INTO habits (id, user_id, name, frequency, specific_days, times_per_week, status,"
                    + " created_at, updated_at)"
                    + " SELECT u.id || '-h' || k, u.id, (ARRAY['Run','Read','Gym','Swim','Meditate'])[k + 1],"
                    + " CASE k WHEN 2 THEN 'specific_days' WHEN 3 THEN 'per_week' ELSE 'daily' END,"
                    + " CASE k WHEN 2 THEN '[\"Monday\",\"Wednesday\",\"Friday\"]'::jsonb END,"
                    + " CASE k WHEN 3 THEN 3 END, 'active', timestamptz '2025-12-31 12:00:00+00', now()"
                    + " FROM users u CROSS JOIN generate_series(0, 4) k");
            s.execute("INSERT INTO habit_completions (id, user_id, habit_id, completed_date, kind, created_at, updated_at)"
                    + " SELECT h.id || '-' || d.i, h.user_id, h.id, date '" + FIRST_DAY + "' + d.i,"
                    + " CASE WHEN h.k IN (0, 1, 4) AND (d.i + h.o) % 17 = 0 THEN 'skipped' ELSE 'done' END, now(), now()"
                    + " FROM (SELECT id, user_id, right(id, 1)::int AS k,"
                    + "       substr(user_id, 6)::int + 3 * right(id, 1)::int AS o FROM habits) h"
                    + " CROSS JOIN generate_series(0, " + (DAYS - 1) + ") d(i)"
                    + " WHERE CASE WHEN h.k IN (0, 1, 4) THEN (d.i + h.o) % 10 <> 0"
                    + "  WHEN h.k = 2 THEN extract(isodow FROM date '" + FIRST_DAY + "' + d.i) IN (1, 3, 5)"
                    + "       AND (d.i + h.o) % 10 <> 0"
                    + "  ELSE (d.i + h.o) % 2 = 0 AND (d.i + h.o) % 20 <> 0 END");
            s.execute("INSERT INTO ai_messages (id, user_id, personality, message_type, message, created_at)"
                    + " SELECT u.id || '-m' || j, u.id, 'neutral', 'habit_complete', 'Done: Run. Total: ' || j || '.',"
                    + " timestamptz '2026-03-31 12:00:00+00' - j * interval '1 hour'"
                    + " FROM users u CROSS JOIN generate_series(1, 20) j");
            writeStates(c);
            // The due instants as the jobs leave them when they run every few minutes: yesterday (31 March)
            // has closed for the daily habits and is due; Monday's close was looked at for the Mon/Wed/Fri
            // habit (next: Wednesday 1 April) and the per-week habit waits for this week; every user's last
            // week has closed and its analysis is due (the worst case: all zones at once).
            s.execute("UPDATE habits h SET next_check_at = (CASE WHEN right(h.id, 1) IN ('0', '1', '4')"
                    + " THEN date '2026-04-01' WHEN right(h.id, 1) = '2' THEN date '2026-04-02'"
                    + " ELSE date '2026-04-01' - ((extract(isodow FROM date '2026-04-01')::int - u.first_day_of_week + 7)"
                    + " % 7) + 7 END + u.day_start) AT TIME ZONE u.timezone FROM users u WHERE u.id = h.user_id");
            s.execute("UPDATE users SET next_weekly_at = (date '2026-04-01' - ((extract(isodow FROM date '2026-04-01')::int"
                    + " - first_day_of_week + 7) % 7) + day_start) AT TIME ZONE timezone");
            s.execute("VACUUM ANALYZE");
        }
    }

    private static Frequency frequency(int k) {
        return switch (k) {
            case 2 -> Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            case 3 -> Frequency.timesPerWeek(3);
            default -> Frequency.daily();
        };
    }

    /** The same rule as the INSERT above, for one pattern. */
    private static HabitHistory history(int k, int o, DayOfWeek firstDay) {
        List<LocalDate> done = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = FIRST_DAY.plusDays(i);
            int x = i + o;
            if (k == 0 || k == 1 || k == 4) {
                if (x % 10 != 0) {
                    (x % 17 == 0 ? skipped : done).add(date);
                }
            } else if (k == 2) {
                int dow = date.getDayOfWeek().getValue();
                if ((dow == 1 || dow == 3 || dow == 5) && x % 10 != 0) {
                    done.add(date);
                }
            } else if (x % 2 == 0 && x % 20 != 0) {
                done.add(date);
            }
        }
        return HabitHistory.builder(Schedule.of(frequency(k), firstDay)).done(done).skipped(skipped).build();
    }

    /**
     * Computes each distinct pattern's state with core and writes all 50,000 habits' streak columns in
     * one UPDATE. {@code current_streak} is as of 31 March, as if the last write was that day.
     */
    static void writeStates(Connection c) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (DayOfWeek firstDay : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.SUNDAY}) {
            for (int k = 0; k < 5; k++) {
                for (int r = 0; r < PATTERNS; r++) {
                    HabitHistory history = history(k, r, firstDay);
                    StreakState s = Streaks.state(history);
                    int current = s.asOf(history.schedule(), FIRST_DAY.plusDays(DAYS - 1)).current();
                    rows.add(new Object[] {k, r, firstDay.getValue(), s.runLength(), date(s.runStart()),
                            date(s.runEnd()), date(s.nextDue()), s.longest(), s.totalCompleted(), date(s.lastDoneDate()),
                            s.previousRunLength(), date(s.previousRunEnd()), date(s.lastUnmetWeek()),
                            s.lastUnmetWeekDone(), date(s.excusedThrough()), current});
                }
            }
        }
        String[] types = {"integer", "integer", "integer", "integer", "date", "date", "date", "integer", "integer",
                "date", "integer", "date", "date", "integer", "date", "integer"};
        try (PreparedStatement update = c.prepareStatement("UPDATE habits h SET streak_run_length = v.run_length,"
                + " streak_run_start = v.run_start, streak_run_end = v.run_end, streak_next_due = v.next_due,"
                + " longest_streak = v.longest, total_completed = v.total, completed_last_at = v.last_done,"
                + " streak_previous_run_length = v.prev_length, streak_previous_run_end = v.prev_end,"
                + " streak_last_unmet_week = v.unmet_week, streak_last_unmet_week_done = v.unmet_done,"
                + " streak_excused_through = v.excused, current_streak = v.current"
                + " FROM users u, unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS v(k, r, fdow, run_length,"
                + " run_start, run_end, next_due, longest, total, last_done, prev_length, prev_end, unmet_week,"
                + " unmet_done, excused, current)"
                + " WHERE u.id = h.user_id AND v.fdow = u.first_day_of_week AND v.k = right(h.id, 1)::int"
                + " AND v.r = (substr(h.user_id, 6)::int + 3 * right(h.id, 1)::int) % " + PATTERNS)) {
            for (int col = 0; col < types.length; col++) {
                Object[] values = new Object[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    values[i] = rows.get(i)[col];
                }
                Array array = c.createArrayOf(types[col], values);
                update.setArray(col + 1, array);
            }
            int updated = update.executeUpdate();
            if (updated != USERS * 5) {
                throw new IllegalStateException("expected " + USERS * 5 + " habits updated, got " + updated);
            }
        }
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }

    /**
     * The CPU time of the calling thread (ThreadMXBean), which runs the job: the Java side of a job
     * (rules, messages, JDBC), without the JIT compiler's and the GC's threads.
     */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The JVM's CPU time (all threads): the Java side of a job, whatever else the machine runs. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The JIT compilers' accumulated time (CompilationMXBean, ms): on a JVM's first real run, most of the
     * CPU the JVM uses beyond the jobs' own threads.
     */
    static long jitMillis() {
        var compilation = java.lang.management.ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String counts(DataSource dataSource) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"users", "habits", "habit_completions", "ai_messages"}) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    out.append(out.length() == 0 ? "" : ", ").append(table).append(' ').append(r.getLong(1));
                }
            }
        }
        return out.toString();
    }
}
