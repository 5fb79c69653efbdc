package io.habitcoach.jooq.internal;

import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.core.streak.CompletionWindow;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.Completion;
import io.habitcoach.jooq.internal.converter.DayOfWeekSetConverter;
import io.habitcoach.jooq.internal.converter.IsoDayOfWeekConverter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.jooq.JSONB;

/**
 * The hot path of {@code complete()}, on the transaction's JDBC connection with two fixed SQL
 * statements: one locks the habit and reads everything the rules need (its streak state, the
 * owner's zone and day start, the owner's last coach messages); one inserts the entry, updates the
 * caches and logs the coach message together, each part only if the entry was new. Fixed SQL
 * text means no rendering per call and server-side prepared statements after a few calls; with
 * two statements and a commit the path costs what the minimal plain-JDBC completion costs, plus
 * the coach message.
 *
 * <p>It handles the common case only: the new day extends the stored state without the history
 * (milestones it crosses included: their messages go into the same insert, each at most once per
 * run through its event key). Otherwise it returns null before writing anything, and the general
 * path runs in the same transaction (the lock is already held).
 */
public final class HotCompletion {

    private static final String LOCK_SQL = """
            SELECT h.status, h.frequency, h.specific_days::text, h.times_per_week, h.name,
                   h.longest_streak, h.total_completed, h.completed_last_at,
                   h.streak_run_length, h.streak_run_start, h.streak_run_end, h.streak_next_due,
                   h.streak_previous_run_length, h.streak_previous_run_end, h.streak_last_unmet_week,
                   h.streak_last_unmet_week_done, h.streak_excused_through,
                   u.timezone, u.day_start, u.first_day_of_week, u.language, u.selected_personality,
                   ARRAY(SELECT m.message FROM ai_messages m WHERE m.user_id = h.user_id
                         ORDER BY m.created_at DESC, m.id DESC LIMIT 10) AS recent
            FROM habits h JOIN users u ON u.id = h.user_id
            WHERE h.id = ? AND h.user_id = ? AND u.deleted_at IS NULL
            FOR NO KEY UPDATE OF h""";

    /**
     * The write: the first {@code %s} is where the messages come from (five columns of one row, or
     * of arrays), the second the conflict clause that keeps keyed messages (milestones) once.
     */
    private static final String WRITE_SQL_TEMPLATE = """
            WITH ins AS (
              INSERT INTO habit_completions (id, user_id, habit_id, completed_date, kind, notes, created_at, updated_at)
              VALUES (?, ?, ?, ?, 'done', ?, ?, ?)
              ON CONFLICT (habit_id, completed_date) DO NOTHING
              RETURNING id
            ), upd AS (
              UPDATE habits SET current_streak = ?, longest_streak = ?, total_completed = ?, completed_last_at = ?,
                streak_run_length = ?, streak_run_start = ?, streak_run_end = ?, streak_next_due = ?,
                streak_previous_run_length = ?, streak_previous_run_end = ?, streak_last_unmet_week = ?,
                streak_last_unmet_week_done = ?, streak_excused_through = ?, updated_at = ?
              WHERE id = ? AND user_id = ? AND EXISTS (SELECT 1 FROM ins)
            ), msg AS (
              INSERT INTO ai_messages (id, user_id, personality, message_type, message, habit_id, facts, event_key,
                                       source, created_at)
              SELECT m.id, CAST(? AS text), CAST(? AS text), m.message_type, m.message, CAST(? AS text),
                     CAST(m.facts AS jsonb), m.event_key, 'template', CAST(? AS timestamptz)
              FROM %s AS m(id, message_type, message, facts, event_key)
              WHERE EXISTS (SELECT 1 FROM ins)%s
            )
            SELECT id FROM ins""";

    /**
     * The common case: the completion's message alone, bound as five text values, and no ON
     * CONFLICT (the message has no key, and a speculative insertion costs more than a plain one).
     */
    private static final String WRITE_ONE_SQL = WRITE_SQL_TEMPLATE.formatted(
            "(VALUES (CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text)))", "");

    /** The completion's message and the milestones it reached, bound as five text arrays. */
    private static final String WRITE_MANY_SQL = WRITE_SQL_TEMPLATE.formatted(
            "unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))",
            "\n              ON CONFLICT (user_id, event_key) WHERE event_key IS NOT NULL DO NOTHING");

    private static final DayOfWeekSetConverter DAYS = new DayOfWeekSetConverter();
    private static final IsoDayOfWeekConverter FIRST_DAY = new IsoDayOfWeekConverter();

    private final Context ctx;
    private final CoachRecorder coach;

    public HotCompletion(Context ctx, CoachRecorder coach) {
        this.ctx = ctx;
        this.coach = coach;
    }

    /**
     * Completes {@code date} if the common case applies; null when the general path must run
     * (nothing was written then). Throws the rules' exceptions for a missing habit, a date
     * outside the window or a habit that is not active.
     */
    public Completion tryComplete(Connection c, String userId, String habitId, LocalDate date, String note)
            throws SQLException {
        Locked locked = lock(c, userId, habitId);
        LocalDate today = new UserDay(locked.zone, locked.dayStart).today(ctx.clock());
        CompletionWindow.standard().check(date, today);
        if (locked.status != HabitStatus.ACTIVE) {
            throw new HabitNotActiveException(habitId, locked.status);
        }
        Schedule schedule = Schedule.of(locked.frequency, locked.firstDayOfWeek);
        StreakSummary before = locked.state.asOf(schedule, today);
        StreakState after = Streaks.addDone(locked.state, schedule, date).orElse(null);
        if (after == null) {
            return null;
        }
        StreakSummary summary = after.asOf(schedule, today);
        List<CoachRecorder.Event> events = CoachRecorder.completionEvents(habitId, locked.name,
                locked.frequency.type(), date, before, summary, after);
        List<CoachRecorder.Rendered> messages = coach.renderAll(locked.personality, locked.language, locked.recent,
                events);
        OffsetDateTime now = ctx.now();
        String entryId = ctx.ids().next();
        int n = messages.size();
        try (PreparedStatement s = c.prepareStatement(n == 1 ? WRITE_ONE_SQL : WRITE_MANY_SQL)) {
            int i = 0;
            s.setString(++i, entryId);
            s.setString(++i, userId);
            s.setString(++i, habitId);
            s.setObject(++i, date);
            s.setString(++i, note);
            s.setObject(++i, now);
            s.setObject(++i, now);
            s.setInt(++i, summary.current());
            s.setInt(++i, after.longest());
            s.setInt(++i, after.totalCompleted());
            setDate(s, ++i, after.lastDoneDate());
            s.setInt(++i, after.runLength());
            setDate(s, ++i, after.runStart());
            setDate(s, ++i, after.runEnd());
            setDate(s, ++i, after.nextDue());
            s.setInt(++i, after.previousRunLength());
            setDate(s, ++i, after.previousRunEnd());
            setDate(s, ++i, after.lastUnmetWeek());
            s.setInt(++i, after.lastUnmetWeekDone());
            setDate(s, ++i, after.excusedThrough());
            s.setObject(++i, now);
            s.setString(++i, habitId);
            s.setString(++i, userId);
            s.setString(++i, userId);
            s.setString(++i, messages.get(0).personalityId());
            s.setString(++i, habitId);
            s.setObject(++i, now);
            String[] ids = new String[n];
            String[] types = new String[n];
            String[] texts = new String[n];
            String[] facts = new String[n];
            String[] keys = new String[n];
            for (int m = 0; m < n; m++) {
                CoachRecorder.Rendered message = messages.get(m);
                ids[m] = ctx.ids().next();
                types[m] = events.get(m).event().type().code();
                texts[m] = message.text();
                facts[m] = message.factsJson();
                keys[m] = events.get(m).key();
            }
            for (String[] column : List.of(ids, types, texts, facts, keys)) {
                if (n == 1) {
                    s.setString(++i, column[0]);
                } else {
                    s.setArray(++i, c.createArrayOf("text", column));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;   // the day already has an entry: the general path decides
                }
            }
            for (int m = 0; m < n; m++) {
                coach.rewriteAfterCommit(ids[m], messages.get(m).personalityId(), locked.language, locked.recent,
                        events.get(m).event());
            }
        }
        return new Completion(entryId, habitId, date, EntryKind.DONE, note, now);
    }

    private record Locked(HabitStatus status, Frequency frequency, String name, StreakState state, ZoneId zone,
            LocalTime dayStart, java.time.DayOfWeek firstDayOfWeek, String language, String personality,
            List<String> recent) {
    }

    private static Locked lock(Connection c, String userId, String habitId) throws SQLException {
        if (userId == null || habitId == null) {
            throw new NotFoundException("habit", String.valueOf(habitId));
        }
        try (PreparedStatement s = c.prepareStatement(LOCK_SQL)) {
            s.setString(1, habitId);
            s.setString(2, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("habit", habitId);
                }
                FrequencyType type = FrequencyType.fromCode(rs.getString(2));
                String days = rs.getString(3);
                int timesPerWeek = rs.getInt(4);
                Frequency frequency = Frequency.of(type, days == null ? null : DAYS.from(JSONB.valueOf(days)),
                        rs.wasNull() ? null : timesPerWeek);
                StreakState state = new StreakState(rs.getInt(9), date(rs, 10), date(rs, 11), date(rs, 12), rs.getInt(6),
                        rs.getInt(7), date(rs, 8), rs.getInt(13), date(rs, 14), date(rs, 15), rs.getInt(16),
                        date(rs, 17));
                Array recent = rs.getArray(23);
                List<String> messages = recent == null ? List.of() : Arrays.asList((String[]) recent.getArray());
                return new Locked(HabitStatus.fromCode(rs.getString(1)), frequency, rs.getString(5), state,
                        ZoneId.of(rs.getString(18)), rs.getObject(19, LocalTime.class),
                        FIRST_DAY.from(rs.getShort(20)), rs.getString(21), rs.getString(22), messages);
            }
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static void setDate(PreparedStatement s, int index, LocalDate date) throws SQLException {
        if (date == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setObject(index, date);
        }
    }
}
