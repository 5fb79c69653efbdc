package io.habitcoach.jooq.reliability;

import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_SUBTASKS;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Whole-database consistency checks, independent of the services: each habit's caches against a
 * full recomputation by core's {@link Streaks} from its entries and pauses, and each goal's counters
 * and status against its subtasks. Each method returns the problems found (empty when consistent),
 * so a test can print them all at once.
 */
final class Consistency {

    private Consistency() {
    }

    /**
     * Every habit (of {@code userIds}, or of everyone when null): the cached {@code longest_streak},
     * {@code total_completed}, {@code completed_last_at} and (when {@code currentColumnToo}) the
     * {@code current_streak} column equal a recomputation as of the owner's today; and the stored streak
     * state read as of today (what every read returns) equals the recomputed streak.
     */
    static List<String> habitProblems(DataSource dataSource, Clock clock, List<String> userIds, boolean currentColumnToo) {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        var condition = userIds == null ? DSL.noCondition() : HABITS.USER_ID.in(userIds);
        Map<String, UsersRecord> users = new HashMap<>();
        dsl.selectFrom(USERS).where(userIds == null ? DSL.noCondition() : USERS.ID.in(userIds))
                .forEach(u -> users.put(u.getId(), u));
        Map<String, List<LocalDate>> done = new HashMap<>();
        Map<String, List<LocalDate>> skipped = new HashMap<>();
        dsl.select(HABIT_COMPLETIONS.HABIT_ID, HABIT_COMPLETIONS.COMPLETED_DATE, HABIT_COMPLETIONS.KIND)
                .from(HABIT_COMPLETIONS)
                .where(userIds == null ? DSL.noCondition() : HABIT_COMPLETIONS.USER_ID.in(userIds))
                .forEach(r -> (r.value3() == EntryKind.DONE ? done : skipped)
                        .computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        Map<String, List<LocalDate[]>> pauses = new HashMap<>();
        dsl.select(HABIT_PAUSES.HABIT_ID, HABIT_PAUSES.PAUSED_FROM, HABIT_PAUSES.RESUMED_ON).from(HABIT_PAUSES)
                .where(userIds == null ? DSL.noCondition() : HABIT_PAUSES.USER_ID.in(userIds))
                .forEach(r -> pauses.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new LocalDate[] {r.value2(), r.value3()}));
        List<String> problems = new ArrayList<>();
        for (HabitsRecord h : dsl.selectFrom(HABITS).where(condition).fetch()) {
            UsersRecord user = users.get(h.getUserId());
            LocalDate today = new UserDay(ZoneId.of(user.getTimezone()), user.getDayStart()).today(clock);
            Schedule schedule = Schedule.of(Frequency.of(h.getFrequency(), h.getSpecificDays(), h.getTimesPerWeek()),
                    user.getFirstDayOfWeek());
            List<LocalDate> doneDays = done.getOrDefault(h.getId(), List.of());
            HabitHistory.Builder history = HabitHistory.builder(schedule).done(doneDays)
                    .skipped(skipped.getOrDefault(h.getId(), List.of()));
            pauses.getOrDefault(h.getId(), List.of()).forEach(p -> history.paused(p[0], p[1]));
            StreakSummary expected = Streaks.compute(history.build(), today);
            LocalDate lastDone = doneDays.stream().max(LocalDate::compareTo).orElse(null);
            Map<String, Object[]> checks = new LinkedHashMap<>();
            checks.put("longest_streak", new Object[] {h.getLongestStreak(), expected.longest()});
            checks.put("total_completed", new Object[] {h.getTotalCompleted(), doneDays.size()});
            checks.put("completed_last_at", new Object[] {h.getCompletedLastAt(), lastDone});
            if (currentColumnToo) {
                checks.put("current_streak", new Object[] {h.getCurrentStreak(), expected.current()});
            }
            StreakState stored = new StreakState(h.getStreakRunLength(), h.getStreakRunStart(), h.getStreakRunEnd(),
                    h.getStreakNextDue(), h.getLongestStreak(), h.getTotalCompleted(), h.getCompletedLastAt(),
                    h.getStreakPreviousRunLength(), h.getStreakPreviousRunEnd(), h.getStreakLastUnmetWeek(),
                    h.getStreakLastUnmetWeekDone(), h.getStreakExcusedThrough());
            checks.put("stored state as of today", new Object[] {stored.asOf(schedule, today), expected});
            checks.forEach((what, pair) -> {
                if (!java.util.Objects.equals(pair[0], pair[1])) {
                    problems.add("habit " + h.getId() + " (" + h.getFrequency() + "): " + what + " is " + pair[0]
                            + ", a recomputation gives " + pair[1]);
                }
            });
        }
        return problems;
    }

    /** Every goal's counters equal its subtasks; its status and completed_at agree with them. */
    static List<String> goalProblems(DataSource dataSource, List<String> userIds, boolean autoComplete) {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        Map<String, int[]> counts = new HashMap<>();
        dsl.select(GOAL_SUBTASKS.GOAL_ID, GOAL_SUBTASKS.STATUS).from(GOAL_SUBTASKS)
                .where(userIds == null ? DSL.noCondition() : GOAL_SUBTASKS.USER_ID.in(userIds))
                .forEach(r -> {
                    int[] c = counts.computeIfAbsent(r.value1(), k -> new int[2]);
                    c[0]++;
                    if (r.value2() == SubtaskStatus.COMPLETED) {
                        c[1]++;
                    }
                });
        List<String> problems = new ArrayList<>();
        for (GoalsRecord g : dsl.selectFrom(GOALS)
                .where(userIds == null ? DSL.noCondition() : GOALS.USER_ID.in(userIds)).fetch()) {
            int[] c = counts.getOrDefault(g.getId(), new int[2]);
            if (g.getTotalSubtasks() != c[0] || g.getCompletedSubtasks() != c[1]) {
                problems.add("goal " + g.getId() + ": counters " + g.getCompletedSubtasks() + "/" + g.getTotalSubtasks()
                        + ", subtasks " + c[1] + "/" + c[0]);
            }
            boolean allDone = c[0] > 0 && c[1] == c[0];
            if (g.getStatus() == GoalStatus.COMPLETED && !allDone) {
                problems.add("goal " + g.getId() + ": completed with " + c[1] + "/" + c[0] + " subtasks done");
            }
            if (autoComplete && g.getStatus() == GoalStatus.ACTIVE && allDone) {
                problems.add("goal " + g.getId() + ": active with every subtask done");
            }
            if ((g.getStatus() == GoalStatus.COMPLETED) != (g.getCompletedAt() != null)
                    && g.getStatus() != GoalStatus.ARCHIVED) {
                problems.add("goal " + g.getId() + ": status " + g.getStatus() + " but completed_at " + g.getCompletedAt());
            }
        }
        return problems;
    }

    /**
     * A fingerprint of everything stored for one user, in one statement: the row count and the md5 of
     * every row (as text, in id order) of every table with a {@code user_id} column, and the user's own
     * row. Equal fingerprints mean nothing was written (whatever the tables a call touches).
     */
    static Map<String, String> fingerprint(Connection admin, String userId) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT 'users', md5(t::text) FROM users t WHERE t.id = ?");
        for (String table : tables) {
            sql.append(" UNION ALL SELECT '").append(table).append("', count(*) || ':' || coalesce(md5(string_agg(t::text,"
                    + " '|' ORDER BY t::text)), '') FROM ").append(table).append(" t WHERE t.user_id = ?");
        }
        Map<String, String> result = new java.util.TreeMap<>();
        try (var s = admin.prepareStatement(sql.toString())) {
            for (int i = 1; i <= tables.size() + 1; i++) {
                s.setString(i, userId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }
}
