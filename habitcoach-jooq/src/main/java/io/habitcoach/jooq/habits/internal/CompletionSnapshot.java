package io.habitcoach.jooq.habits.internal;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.internal.Columns;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import io.habitcoach.core.model.EntryKind;
import java.time.LocalTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import io.habitcoach.jooq.internal.NamedSql;
import org.jooq.impl.DSL;

/**
 * What {@code complete()} decides from: the habit's row (its rules' columns and version), its
 * owner's settings (and version), the owner's last coach messages (and their hash), and the entry
 * already on the day, if any. Read by one statement, unlocked or {@code FOR NO KEY UPDATE} of the
 * habit (only the locked read reads the day's entry; otherwise the append's write checks there is
 * none); or remembered by this instance from its last completion.
 *
 * <p>The versions ({@code xmin}) and the hash are what the append's write checks: it writes only
 * if the rows and messages are still the ones the decision was made from.
 *
 * @param habit       the habit's row, the columns the rules read (never written through: see {@link #state})
 * @param owner       the owner's row, the settings the rules and the messages read
 * @param state       the streak state from the cache columns; null when they disagree (edited by hand)
 * @param entry       the day's entry; null when there is none or it was not read (unlocked, remembered)
 */
record CompletionSnapshot(HabitsRecord habit, UsersRecord owner, StreakState state, String habitVersion,
        String ownerVersion, List<String> recent, byte[] recentHash, HabitCompletionsRecord entry) {

    /** The owner's settings the rules and the messages read, after the habit's {@link HabitRows#RULE_COLUMNS}: read by position ({@link #owner}). */
    private static final List<Field<?>> OWNER_COLUMNS = List.of(USERS.ID, USERS.TIMEZONE, USERS.DAY_START,
            USERS.FIRST_DAY_OF_WEEK, USERS.LANGUAGE, USERS.SELECTED_PERSONALITY);

    private static final Field<String> HABIT_VERSION = version(HABITS).as("habit_version");
    private static final Field<String> OWNER_VERSION = version(USERS).as("owner_version");

    /** The day's entry, joined on the day (a single partition of habit_completions). */
    private static final Field<String> ENTRY_ID = HABIT_COMPLETIONS.ID.as("entry_id");
    private static final Field<EntryKind> ENTRY_KIND = HABIT_COMPLETIONS.KIND.as("entry_kind");
    private static final Field<String> ENTRY_NOTES = HABIT_COMPLETIONS.NOTES.as("entry_notes");
    private static final Field<OffsetDateTime> ENTRY_CREATED_AT = HABIT_COMPLETIONS.CREATED_AT.as("entry_created_at");

    /** A row's version: its {@code xmin}, which changes with every write of the row. */
    static Field<String> version(Table<?> table) {
        return DSL.field("CAST({0} AS text)", String.class, DSL.field(table.getQualifiedName().append("xmin")));
    }

    /** The owner's last coach messages, newest first, as the no-repeat rule reads them (the user as a value: Citus routes it). */
    static Field<String[]> recentMessages(Field<String> userId) {
        return DSL.array(DSL.select(AI_MESSAGES.MESSAGE).from(AI_MESSAGES).where(AI_MESSAGES.USER_ID.eq(userId))
                .orderBy(AI_MESSAGES.CREATED_AT.desc(), AI_MESSAGES.ID.desc())
                .limit(DSL.inline(CoachContext.RECENT_MESSAGES_CONSIDERED)));
    }

    /** The fingerprint of a list of messages ({@code text[]}): the snapshot's and the write's are computed alike. */
    static Field<byte[]> hash(Field<String[]> messages) {
        return DSL.field("sha256(convert_to(CAST({0} AS text), 'UTF8'))", byte[].class, messages);
    }

    private static final Field<String> USER = DSL.param("user", SQLDataType.VARCHAR);
    private static final Table<?> RECENT_TABLE = DSL.lateral(DSL.select(recentMessages(USER).as("recent"))).as("r");
    private static final Field<String[]> RECENT = RECENT_TABLE.field("recent", String[].class);
    private static final Field<byte[]> RECENT_HASH = hash(RECENT).as("recent_hash");

    /** The read, built once; the locked one also reads the day's entry. */
    private static final Select<Record> READ = select(false);
    private static final Select<Record> READ_LOCKED = select(true);
    private static final NamedSql READ_SQL = NamedSql.rendered(READ);
    private static final NamedSql READ_LOCKED_SQL = NamedSql.rendered(READ_LOCKED);

    private static Select<Record> select(boolean lock) {
        // The locked read also reads the day's entry. The unlocked one does not: a statement on the
        // partitioned habit_completions is planned anew at each execution (the server prefers custom
        // plans that prune partitions), about a millisecond that doubled the unlocked path's cost
        // (docs/benchmarks.md); its write checks instead that the day has no entry.
        var select = DSL.select(Columns.of(HabitRows.RULE_COLUMNS, OWNER_COLUMNS, HABIT_VERSION, OWNER_VERSION, RECENT,
                        RECENT_HASH, lock ? List.of(ENTRY_ID, ENTRY_KIND, ENTRY_NOTES, ENTRY_CREATED_AT) : List.of()))
                .from(HABITS)
                .join(USERS).on(USERS.ID.eq(HABITS.USER_ID))
                .crossJoin(RECENT_TABLE);
        // the owner as a value in every table's filter: a router query on Citus (docs/scale-out.md)
        var query = (lock ? select.leftJoin(HABIT_COMPLETIONS).on(HABIT_COMPLETIONS.USER_ID.eq(USER))
                        .and(HABIT_COMPLETIONS.HABIT_ID.eq(HABITS.ID))
                        .and(HABIT_COMPLETIONS.COMPLETED_DATE.eq(DSL.param("date", SQLDataType.LOCALDATE)))
                        : select)
                .where(HABITS.ID.eq(DSL.param("habit", SQLDataType.VARCHAR))).and(HABITS.USER_ID.eq(USER))
                .and(USERS.DELETED_AT.isNull());
        return lock ? query.forNoKeyUpdate().of(HABITS) : query;
    }

    /**
     * Reads the snapshot of {@code habitId} for completing {@code date}; locks the habit's row when
     * {@code lock}. Null when the user has no such habit (or is deleted).
     */
    static CompletionSnapshot read(DSLContext dsl, String userId, String habitId, LocalDate date, boolean lock) {
        if (userId == null || habitId == null) {
            return null;
        }
        NamedSql.Binds binds = (lock ? READ_LOCKED_SQL : READ_SQL).binds()
                .bind("user", DSL.val(userId)).bind("habit", DSL.val(habitId));
        if (lock) {
            binds.bind("date", DSL.val(date, SQLDataType.LOCALDATE));
        }
        Record row = binds.query(dsl).coerce((lock ? READ_LOCKED : READ).getSelect()).fetchOne();
        if (row == null) {
            return null;
        }
        HabitsRecord habit = HabitRows.ruleColumns(row);
        UsersRecord owner = owner(row, HabitRows.RULE_COLUMNS.size());
        HabitCompletionsRecord entry = null;
        if (lock && row.get(ENTRY_ID) != null) {
            entry = new HabitCompletionsRecord();
            entry.setId(row.get(ENTRY_ID));
            entry.setUserId(userId);
            entry.setHabitId(habitId);
            entry.setCompletedDate(date);
            entry.setKind(row.get(ENTRY_KIND));
            entry.setNotes(row.get(ENTRY_NOTES));
            entry.setCreatedAt(row.get(ENTRY_CREATED_AT));
            entry.changed(false);
        }
        String[] messages = row.get(RECENT);
        return new CompletionSnapshot(habit, owner, stateOf(habit), row.get(HABIT_VERSION), row.get(OWNER_VERSION),
                messages == null ? List.of() : Arrays.asList(messages), row.get(RECENT_HASH), entry);
    }

    /** The owner's {@link #OWNER_COLUMNS}, by position from {@code from} (not {@code into(USERS)}: a lookup by name per column). */
    private static UsersRecord owner(Record r, int from) {
        UsersRecord owner = new UsersRecord().setId((String) r.get(from)).setTimezone((String) r.get(from + 1))
                .setDayStart((LocalTime) r.get(from + 2)).setFirstDayOfWeek((DayOfWeek) r.get(from + 3))
                .setLanguage((String) r.get(from + 4)).setSelectedPersonality((String) r.get(from + 5));
        owner.changed(false);
        return owner;
    }

    /** The state of the cache columns, or null when they disagree with each other. */
    private static StreakState stateOf(HabitsRecord habit) {
        try {
            return HabitRows.state(habit);
        } catch (IllegalArgumentException inconsistent) {
            return null;   // edited by hand: the full-history path recomputes them under the lock
        }
    }

    /**
     * The snapshot an append leaves: the new state and versions, the owner's new last messages; the
     * next day's entry unknown. What this instance remembers for the habit's next completion.
     */
    CompletionSnapshot afterAppend(StreakState after, StreakSummary asOfToday, String newHabitVersion,
            List<String> newRecent, byte[] newRecentHash) {
        HabitsRecord next = habit.into(HABITS);
        HabitRows.setState(next, after, asOfToday);
        return new CompletionSnapshot(next, owner, after, newHabitVersion, ownerVersion, newRecent, newRecentHash,
                null);
    }

    /** This snapshot with another owner's half (the same user's, remembered separately). */
    CompletionSnapshot withOwner(UsersRecord otherOwner, String otherOwnerVersion, List<String> otherRecent,
            byte[] otherHash) {
        return new CompletionSnapshot(habit, otherOwner, state, habitVersion, otherOwnerVersion, otherRecent,
                otherHash, null);
    }

    String userId() {
        return habit.getUserId();
    }

    String habitId() {
        return habit.getId();
    }
}
