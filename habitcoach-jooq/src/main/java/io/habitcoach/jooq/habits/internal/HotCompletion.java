package io.habitcoach.jooq.habits.internal;

import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Db;
import io.habitcoach.jooq.internal.Meters;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.internal.converter.DayOfWeekSetConverter;
import io.habitcoach.jooq.internal.converter.IsoDayOfWeekConverter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.jooq.JSONB;

/**
 * The hot path of {@code complete()}: the common case (the new day extends the stored streak
 * state without the history, milestones it crosses included) in one data-modifying statement of
 * fixed text that updates the habit's caches, inserts the entry and logs the coach messages.
 *
 * <p>The statement is optimistic: it names the versions ({@code xmin}) of the habit and owner rows
 * and a hash of the owner's last ten coach messages that the rules' inputs were read from, and
 * writes nothing unless they are still current and the day has no entry. Its {@code UPDATE} takes
 * the habit's row lock before the inserts run (they read its result), and a concurrent change of
 * the habit makes it re-check the row's version and write nothing, so it never works from a stale
 * state.
 *
 * <p>Two ways in. {@link #tryOptimistic}, outside any transaction, runs the statement alone in
 * auto-commit mode (one round trip, one transaction, no separate lock), from the inputs this
 * instance remembers from its last completion of the habit, or else from an unlocked read just
 * before. {@link #tryComplete}, inside the call's transaction, locks the habit and reads them
 * first: the way for the cases the optimistic one gives up on. Either returns null when the common
 * case does not apply or the inputs were stale, before anything is written; the caller then goes
 * on with the locked read and the general path.
 */
public final class HotCompletion {

    /** The owner's last coach messages, newest first, as the no-repeat rule reads them. */
    private static final String RECENT_SQL = """
            SELECT id, created_at, message FROM ai_messages WHERE user_id = %s
            ORDER BY created_at DESC, id DESC LIMIT 10""";

    /** The fingerprint of a {@code text[]} of recent messages: both statements compute it alike. */
    private static final String HASH_SQL = "sha256(convert_to(CAST(%s AS text), 'UTF8'))";

    /** The rules' inputs: the habit, its owner's settings and last coach messages, with their versions. */
    private static final String READ_SQL = """
            SELECT h.status, h.frequency, h.specific_days::text, h.times_per_week, h.name,
                   h.longest_streak, h.total_completed, h.completed_last_at,
                   h.streak_run_length, h.streak_run_start, h.streak_run_end, h.streak_next_due,
                   h.streak_previous_run_length, h.streak_previous_run_end, h.streak_last_unmet_week,
                   h.streak_last_unmet_week_done, h.streak_excused_through,
                   u.timezone, u.day_start, u.first_day_of_week, u.language, u.selected_personality,
                   r.recent, CAST(h.xmin AS text), CAST(u.xmin AS text), %s
            FROM habits h JOIN users u ON u.id = h.user_id
            CROSS JOIN LATERAL (SELECT ARRAY(SELECT m.message FROM (%s) m) AS recent) r
            WHERE h.id = ? AND h.user_id = ? AND u.deleted_at IS NULL""".formatted(HASH_SQL.formatted("r.recent"),
            // the owner as a parameter, not h.user_id: every table filtered by the same value is what
            // makes the statement a router query on Citus (docs/scale-out.md)
            RECENT_SQL.formatted("?"));

    private static final String LOCK_SQL = READ_SQL + "\nFOR NO KEY UPDATE OF h";

    /**
     * The update of the habit's caches, checked against the versions and the messages' hash the
     * rules read: the first part of the write in both forms.
     */
    private static final String UPDATE_SQL = """
            UPDATE habits h SET current_streak = ?, longest_streak = ?, total_completed = ?, completed_last_at = ?,
              streak_run_length = ?, streak_run_start = ?, streak_run_end = ?, streak_next_due = ?,
              streak_previous_run_length = ?, streak_previous_run_end = ?, streak_last_unmet_week = ?,
              streak_last_unmet_week_done = ?, streak_excused_through = ?, updated_at = ?
            FROM users u
            WHERE h.id = ? AND h.user_id = ? AND h.xmin = CAST(? AS xid)
              AND u.id = h.user_id AND u.xmin = CAST(? AS xid) AND u.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM habit_completions e
                              WHERE e.user_id = ? AND e.habit_id = h.id AND e.completed_date = ?)
              AND %s = ?
            RETURNING CAST(h.xmin AS text) AS version""".formatted(
            HASH_SQL.formatted("ARRAY(SELECT message FROM cur ORDER BY created_at DESC, id DESC)"));

    private static final String ENTRY_INSERT = """
            INSERT INTO habit_completions (id, user_id, habit_id, completed_date, kind, notes, created_at, updated_at)""";

    private static final String MESSAGE_INSERT = """
            INSERT INTO ai_messages (id, user_id, personality, message_type, message, habit_id, facts, event_key,
                                     source, created_at)""";

    private static final String KEYED_ONCE = "ON CONFLICT (user_id, event_key) WHERE event_key IS NOT NULL DO NOTHING";

    /**
     * The write on one server: one statement. The first {@code %s} is where the messages come from
     * (five columns of one row, or of arrays), the second the conflict clause that keeps keyed
     * messages (milestones) once. It returns the habit row's new version and the owner's new last
     * ten messages with their hash: what the next completion of the habit starts from.
     */
    private static final String WRITE_SQL_TEMPLATE = """
            WITH cur AS (%1$s
            ), upd AS (
            %2$s
            ), ins AS (
            %3$s
              SELECT ?, ?, ?, ?, 'done', ?, ?, ? FROM upd
            ), msg AS (
            %4$s
              SELECT m.id, CAST(? AS text), CAST(? AS text), m.message_type, m.message, CAST(? AS text),
                     CAST(m.facts AS jsonb), m.event_key, 'template', CAST(? AS timestamptz)
              FROM upd CROSS JOIN %%s AS m(id, message_type, message, facts, event_key)%%s
              RETURNING id, created_at, message
            ), recent AS (
              SELECT ARRAY(SELECT message FROM (SELECT id, created_at, message FROM msg
                                                UNION ALL SELECT id, created_at, message FROM cur) n
                           ORDER BY created_at DESC, id DESC LIMIT 10) AS texts
            )
            SELECT upd.version, recent.texts, %5$s FROM upd, recent""".formatted(RECENT_SQL.formatted("?"),
            UPDATE_SQL, ENTRY_INSERT, MESSAGE_INSERT, HASH_SQL.formatted("recent.texts"));

    /**
     * The common case: the completion's message alone, bound as five text values, and no ON
     * CONFLICT (the message has no key, and a speculative insertion costs more than a plain one).
     */
    private static final String WRITE_ONE_SQL = WRITE_SQL_TEMPLATE.formatted(
            "(VALUES (CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text)))", "");

    /** The completion's message and the milestones it reached, bound as five text arrays. */
    private static final String WRITE_MANY_SQL = WRITE_SQL_TEMPLATE.formatted(
            "unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))",
            "\n              " + KEYED_ONCE);

    /**
     * The write on Citus, where an {@code INSERT} inside a {@code WITH} is never a router query
     * (Citus runs it as a subplan whose intermediate result a shard move can lose, and pays a
     * round trip per part): the update alone first, and when it matched, the inserts and the read
     * of the owner's last ten messages as plain statements sent together, in one transaction.
     */
    private static final String CITUS_UPDATE_SQL = "WITH cur AS (" + RECENT_SQL.formatted("?") + ")\n" + UPDATE_SQL;

    /** The second part on Citus for {@code n} messages: the entry, the messages, the new last ten and their hash. */
    private static String citusInsertsSql(int n) {
        String row = "(?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, 'template', ?)";
        return ENTRY_INSERT + " VALUES (?, ?, ?, ?, 'done', ?, ?, ?);\n"
                + MESSAGE_INSERT + " VALUES " + String.join(", ", java.util.Collections.nCopies(n, row))
                + (n == 1 ? "" : " " + KEYED_ONCE) + ";\n"
                + "SELECT r.recent, " + HASH_SQL.formatted("r.recent") + " FROM (SELECT ARRAY(SELECT m.message FROM ("
                + RECENT_SQL.formatted("?") + ") m) AS recent) r";
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration REMEMBERED_FOR = Duration.ofDays(30);
    private static final DayOfWeekSetConverter DAYS = new DayOfWeekSetConverter();
    private static final IsoDayOfWeekConverter FIRST_DAY = new IsoDayOfWeekConverter();

    private final Context ctx;
    private final CoachRecorder coach;
    /** What the last completion through this instance left, per habit and per owner; null when off. */
    private final Cache<String, HabitState> habits;
    private final Cache<String, OwnerState> owners;

    /** {@code cacheSize}: how many habits (and as many owners) to remember for {@link #tryOptimistic}; 0 for none. */
    public HotCompletion(Context ctx, CoachRecorder coach, int cacheSize) {
        this.ctx = ctx;
        this.coach = coach;
        this.habits = cacheSize == 0 ? null : cache(cacheSize, ctx.clock());
        this.owners = cacheSize == 0 ? null : cache(cacheSize, ctx.clock());
    }

    private static <V> Cache<String, V> cache(int size, Clock clock) {
        // Maintenance on the calling threads: a library starts no work of its own on the common pool.
        // Entries expire after 30 days (by the injected clock): a remembered row version is a 32-bit
        // transaction id, which the server hands out again only after some four billion transactions
        // (1,650 a second for those 30 days), and even then the row would have to be written by that
        // very transaction to pass for unchanged. Staleness itself needs no expiry: the write checks.
        return Caffeine.newBuilder().maximumSize(size).expireAfterWrite(REMEMBERED_FOR)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /** The habit row as the rules read it, and its version; {@code streak} null when its columns disagree. */
    private record HabitState(String userId, String version, HabitStatus status, Frequency frequency, String name,
            StreakState streak) {
    }

    /** The owner's settings the rules read, their version, and the last ten coach messages with their hash. */
    private record OwnerState(String version, ZoneId zone, LocalTime dayStart, DayOfWeek firstDayOfWeek,
            String language, String personality, List<String> recent, byte[] recentHash) {
    }

    /**
     * Completes {@code date} outside any transaction, in auto-committed statements: the write alone
     * when this instance remembers the habit and its owner, else a read (no lock) and the write.
     * Null when the rules would not take the common case (or would refuse: the caller's locked
     * read decides, on current rows), or when the rows changed in between; nothing is written then.
     */
    public Completion tryOptimistic(String userId, String habitId, LocalDate date, String note) {
        if (userId == null || habitId == null) {
            return null;
        }
        HabitState habit = habits == null ? null : habits.getIfPresent(habitId);
        OwnerState owner = owners == null ? null : owners.getIfPresent(userId);
        if (habits != null) {
            ctx.instrumentation().count(Meters.COMPLETION_CACHE, "result",
                    habit != null && owner != null && habit.userId.equals(userId) ? "hit" : "miss");
        }
        if (habit == null || owner == null || !habit.userId.equals(userId)) {
            return ctx.db().autocommit(c -> {
                Db.wroteFor(userId);
                Inputs read = read(c, READ_SQL, userId, habitId);
                Plan plan = read == null ? null : plan(read.habit, read.owner, habitId, date, false);
                return plan == null ? null : write(c, userId, habitId, date, note, read.habit, read.owner, plan);
            });
        }
        Plan plan = plan(habit, owner, habitId, date, false);
        if (plan == null) {
            return null;
        }
        Completion done = ctx.db().autocommit(c -> {
            Db.wroteFor(userId);
            return write(c, userId, habitId, date, note, habit, owner, plan);
        });
        if (done == null) {
            habits.invalidate(habitId);
            owners.invalidate(userId);
        }
        return done;
    }

    /**
     * Inside the call's transaction: locks the habit, reads the rules' inputs and completes
     * {@code date} if the common case applies; null when the general path must run (nothing was
     * written then, the lock is held). Throws the rules' exceptions for a missing habit, a date
     * outside the window or a habit that is not active.
     */
    public Completion tryComplete(Connection c, String userId, String habitId, LocalDate date, String note)
            throws SQLException {
        Inputs locked = userId == null || habitId == null ? null : read(c, LOCK_SQL, userId, habitId);
        if (locked == null) {
            throw new NotFoundException("habit", String.valueOf(habitId));
        }
        Plan plan = plan(locked.habit, locked.owner, habitId, date, true);
        return plan == null ? null : write(c, userId, habitId, date, note, locked.habit, locked.owner, plan);
    }

    private record Inputs(HabitState habit, OwnerState owner) {
    }

    /** The rules' inputs by {@code sql} ({@link #READ_SQL} or {@link #LOCK_SQL}); null when there is no such habit. */
    private static Inputs read(Connection c, String sql, String userId, String habitId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            s.setString(2, habitId);
            s.setString(3, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                FrequencyType type = FrequencyType.fromCode(rs.getString(2));
                String days = rs.getString(3);
                int timesPerWeek = rs.getInt(4);
                Frequency frequency = Frequency.of(type, days == null ? null : DAYS.from(JSONB.valueOf(days)),
                        rs.wasNull() ? null : timesPerWeek);
                StreakState state;
                try {
                    state = new StreakState(rs.getInt(9), date(rs, 10), date(rs, 11), date(rs, 12), rs.getInt(6),
                            rs.getInt(7), date(rs, 8), rs.getInt(13), date(rs, 14), date(rs, 15), rs.getInt(16),
                            date(rs, 17));
                } catch (IllegalArgumentException inconsistent) {
                    state = null;   // columns edited by hand: the general path recomputes them under the lock
                }
                return new Inputs(new HabitState(userId, rs.getString(24), HabitStatus.fromCode(rs.getString(1)),
                        frequency, rs.getString(5), state),
                        new OwnerState(rs.getString(25), ZoneId.of(rs.getString(18)), rs.getObject(19, LocalTime.class),
                                FIRST_DAY.from(rs.getShort(20)), rs.getString(21), rs.getString(22),
                                texts(rs.getArray(23)), rs.getBytes(26)));
            }
        }
    }

    /** What the write needs besides the rows: the new state, its summary and the rendered messages. */
    private record Plan(StreakState after, StreakSummary summary, List<CoachRecorder.Event> events,
            List<CoachRecorder.Rendered> messages) {
    }

    /**
     * Applies the rules to the inputs; null when the common case does not apply. {@code strict}:
     * the inputs are current (read under the lock), so a refusal is thrown; otherwise it is left to
     * a read of the current rows.
     */
    private Plan plan(HabitState habit, OwnerState owner, String habitId, LocalDate date, boolean strict) {
        if (habit.streak == null) {
            return null;
        }
        LocalDate today = new UserDay(owner.zone, owner.dayStart).today(ctx.clock());
        if (!strict && (habit.status != HabitStatus.ACTIVE || !CompletionWindow.standard().contains(date, today))) {
            return null;
        }
        CompletionWindow.standard().check(date, today);
        if (habit.status != HabitStatus.ACTIVE) {
            throw new HabitNotActiveException(habitId, habit.status);
        }
        Schedule schedule = Schedule.of(habit.frequency, owner.firstDayOfWeek);
        StreakSummary before = habit.streak.asOf(schedule, today);
        StreakState after = Streaks.addDone(habit.streak, schedule, date).orElse(null);
        if (after == null) {
            return null;
        }
        StreakSummary summary = after.asOf(schedule, today);
        List<CoachRecorder.Event> events = CoachRecorder.completionEvents(habitId, habit.name,
                habit.frequency, date, before, summary, after, today);
        return new Plan(after, summary, events,
                coach.renderAll(owner.personality, owner.language, owner.recent, events));
    }

    /** Runs the write; the completion, or null when it wrote nothing (stale inputs, or the day has an entry). */
    private Completion write(Connection c, String userId, String habitId, LocalDate date, String note,
            HabitState habit, OwnerState owner, Plan plan) throws SQLException {
        StreakState after = plan.after;
        List<CoachRecorder.Rendered> messages = plan.messages;
        OffsetDateTime now = ctx.now();
        String entryId = ctx.ids().next();
        int n = messages.size();
        String[] ids = new String[n];
        for (int m = 0; m < n; m++) {
            ids[m] = ctx.ids().next();
        }
        Written written;
        try {
            written = ctx.db().citus(c)
                    ? writeOnCitus(c, userId, habitId, date, note, habit, owner, plan, now, entryId, ids)
                    : writeOneStatement(c, userId, habitId, date, note, habit, owner, plan, now, entryId, ids);
        } catch (SQLException e) {
            // An entry written by something that did not update the habit row (the library's own
            // writers always do): only the auto-committed statement may go on to the locked path.
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && c.getAutoCommit()) {
                return null;
            }
            throw e;
        }
        if (written == null) {
            return null;   // stale inputs, or the day already has an entry: the general path decides
        }
        String newVersion = written.version;
        List<String> recent = written.recent;
        byte[] recentHash = written.recentHash;
        for (int m = 0; m < n; m++) {
            coach.rewriteAfterCommit(ids[m], messages.get(m).personalityId(), owner.language, owner.recent,
                    plan.events.get(m).event());
        }
        if (habits != null) {
            HabitState nextHabit = new HabitState(userId, newVersion, habit.status, habit.frequency, habit.name, after);
            OwnerState nextOwner = new OwnerState(owner.version, owner.zone, owner.dayStart, owner.firstDayOfWeek,
                    owner.language, owner.personality, recent, recentHash);
            // Remembered once committed: a rolled-back transaction leaves versions that never were.
            // When the model rewrites the message just written, the owner's last messages will have
            // changed by the next completion: reading them then costs less than a write that fails.
            boolean rewritten = coach.rewritesMessages();
            ctx.db().afterCommit(() -> {
                habits.put(habitId, nextHabit);
                if (rewritten) {
                    owners.invalidate(userId);
                } else {
                    owners.put(userId, nextOwner);
                }
            });
        }
        return new Completion(entryId, habitId, date, EntryKind.DONE, note, now);
    }

    /** What the write returns: the habit row's new version, the owner's last ten messages and their hash. */
    private record Written(String version, List<String> recent, byte[] recentHash) {
    }

    private Written writeOneStatement(Connection c, String userId, String habitId, LocalDate date, String note,
            HabitState habit, OwnerState owner, Plan plan, OffsetDateTime now, String entryId, String[] ids)
            throws SQLException {
        int n = ids.length;
        try (PreparedStatement s = c.prepareStatement(n == 1 ? WRITE_ONE_SQL : WRITE_MANY_SQL)) {
            int i = 0;
            s.setString(++i, userId);
            i = bindUpdate(s, i, userId, habitId, date, habit, owner, plan, now);
            i = bindEntry(s, i, userId, habitId, date, note, now, entryId);
            s.setString(++i, userId);
            s.setString(++i, plan.messages.get(0).personalityId());
            s.setString(++i, habitId);
            s.setObject(++i, now);
            String[] types = new String[n];
            String[] texts = new String[n];
            String[] facts = new String[n];
            String[] keys = new String[n];
            for (int m = 0; m < n; m++) {
                types[m] = plan.events.get(m).event().type().code();
                texts[m] = plan.messages.get(m).text();
                facts[m] = plan.messages.get(m).factsJson();
                keys[m] = plan.events.get(m).key();
            }
            for (String[] column : List.of(ids, types, texts, facts, keys)) {
                if (n == 1) {
                    s.setString(++i, column[0]);
                } else {
                    s.setArray(++i, c.createArrayOf("text", column));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Written(rs.getString(1), texts(rs.getArray(2)), rs.getBytes(3)) : null;
            }
        }
    }

    /**
     * The write on Citus: the update, then (when it matched) the inserts and the read of the last
     * ten messages sent together; in the call's transaction, or in one of its own when the
     * connection is in auto-commit mode (committed here, or rolled back when nothing matched).
     */
    private Written writeOnCitus(Connection c, String userId, String habitId, LocalDate date, String note,
            HabitState habit, OwnerState owner, Plan plan, OffsetDateTime now, String entryId, String[] ids)
            throws SQLException {
        boolean own = c.getAutoCommit();
        if (own) {
            c.setAutoCommit(false);
        }
        boolean committed = false;
        try {
            Written written = null;
            String version;
            try (PreparedStatement s = c.prepareStatement(CITUS_UPDATE_SQL)) {
                int i = 0;
                s.setString(++i, userId);
                bindUpdate(s, i, userId, habitId, date, habit, owner, plan, now);
                try (ResultSet rs = s.executeQuery()) {
                    version = rs.next() ? rs.getString(1) : null;
                }
            }
            if (version != null) {
                try (PreparedStatement s = c.prepareStatement(citusInsertsSql(ids.length))) {
                    int i = bindEntry(s, 0, userId, habitId, date, note, now, entryId);
                    for (int m = 0; m < ids.length; m++) {
                        CoachRecorder.Rendered message = plan.messages.get(m);
                        s.setString(++i, ids[m]);
                        s.setString(++i, userId);
                        s.setString(++i, message.personalityId());
                        s.setString(++i, plan.events.get(m).event().type().code());
                        s.setString(++i, message.text());
                        s.setString(++i, habitId);
                        s.setString(++i, message.factsJson());
                        s.setString(++i, plan.events.get(m).key());
                        s.setObject(++i, now);
                    }
                    s.setString(++i, userId);
                    s.execute();
                    while (s.getResultSet() == null) {   // the two inserts' counts, then the read
                        s.getMoreResults();
                    }
                    try (ResultSet rs = s.getResultSet()) {
                        rs.next();
                        written = new Written(version, texts(rs.getArray(1)), rs.getBytes(2));
                    }
                }
            }
            if (own) {
                if (written != null) {
                    c.commit();
                    committed = true;
                }
            }
            return written;
        } finally {
            if (own) {
                if (!committed) {
                    c.rollback();
                }
                c.setAutoCommit(true);
            }
        }
    }

    /** Binds {@link #UPDATE_SQL}'s values after index {@code i}; the last index bound. */
    private static int bindUpdate(PreparedStatement s, int i, String userId, String habitId, LocalDate date,
            HabitState habit, OwnerState owner, Plan plan, OffsetDateTime now) throws SQLException {
        StreakState after = plan.after;
        s.setInt(++i, plan.summary.current());
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
        s.setString(++i, habit.version);
        s.setString(++i, owner.version);
        s.setString(++i, userId);
        s.setObject(++i, date);
        s.setBytes(++i, owner.recentHash);
        return i;
    }

    /** Binds the entry's seven values after index {@code i}; the last index bound. */
    private static int bindEntry(PreparedStatement s, int i, String userId, String habitId, LocalDate date,
            String note, OffsetDateTime now, String entryId) throws SQLException {
        s.setString(++i, entryId);
        s.setString(++i, userId);
        s.setString(++i, habitId);
        s.setObject(++i, date);
        s.setString(++i, note);
        s.setObject(++i, now);
        s.setObject(++i, now);
        return i;
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
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
