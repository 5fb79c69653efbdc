package io.habitcoach.jooq.habits.internal;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.NamedSql;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Carries out {@link Append}: updates the habit's cache columns, inserts the entry
 * and the coach messages, and returns what the habit's next completion starts from (the row's new
 * version, the owner's new last messages and their hash).
 *
 * <p>Optimistic: the update names the habit's and owner's versions and the hash of the last
 * messages the plan was made from, and that the day has no entry; when any of it changed, it
 * matches no row and nothing is written ({@link #write} returns null). The update takes the
 * habit's row lock before the inserts run, so a concurrent change makes it re-check and write
 * nothing: it never works from a stale state.
 *
 * <p>On one server the write is one statement (inserts in a {@code WITH} that read the update's
 * result): run auto-committed it is one round trip and one transaction. On Citus an {@code INSERT}
 * inside a {@code WITH} is never a router query (a subplan whose intermediate result a shard move
 * can lose), so there the update runs first and, when it matched, the inserts and the read of the
 * last messages follow as plain statements sent together, in one transaction (docs/scale-out.md).
 */
final class AppendWriter {

    /** The update of the habit's caches, checked against what the plan was made from. */
    private static final String UPDATE = """
            UPDATE habits h SET current_streak = {current}, longest_streak = {longest}, total_completed = {total},
              completed_last_at = {last_done}, streak_run_length = {run_length}, streak_run_start = {run_start},
              streak_run_end = {run_end}, streak_next_due = {next_due},
              streak_previous_run_length = {previous_run_length}, streak_previous_run_end = {previous_run_end},
              streak_last_unmet_week = {last_unmet_week}, streak_last_unmet_week_done = {last_unmet_week_done},
              streak_excused_through = {excused_through}, updated_at = CAST({now} AS timestamptz)
            FROM users u
            WHERE h.id = {habit} AND h.user_id = {user} AND h.xmin = CAST({habit_version} AS xid)
              AND u.id = h.user_id AND u.xmin = CAST({owner_version} AS xid) AND u.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM habit_completions e
                              WHERE e.user_id = {user} AND e.habit_id = h.id AND e.completed_date = {date})
              AND sha256(convert_to(CAST(ARRAY(SELECT message FROM cur ORDER BY created_at DESC, id DESC) AS text),
                                    'UTF8')) = {recent_hash}
            RETURNING CAST(h.xmin AS text) AS version""";

    /** The owner's last messages as the snapshot read them: what the update's hash is checked against. */
    private static final String CURRENT_MESSAGES = """
            WITH cur AS (
              SELECT id, created_at, message FROM ai_messages WHERE user_id = {user}
              ORDER BY created_at DESC, id DESC LIMIT 10
            )""";

    /**
     * The write on one server; {@code %s}: where the messages come from (five columns of one row,
     * or of arrays), then the conflict clause that keeps keyed messages (milestones) once.
     */
    private static final String ONE_STATEMENT = CURRENT_MESSAGES + """
            , upd AS (
            """ + UPDATE + """
            ), ins AS (
              INSERT INTO habit_completions (id, user_id, habit_id, completed_date, kind, notes, created_at, updated_at)
              SELECT {entry_id}, {user}, {habit}, CAST({date} AS date), 'done', {note}, CAST({now} AS timestamptz),
                     CAST({now} AS timestamptz) FROM upd
            ), msg AS (
              INSERT INTO ai_messages (id, user_id, personality, message_type, message, habit_id, facts, event_key,
                                       source, created_at)
              SELECT m.id, {user}, {personality}, m.message_type, m.message, {habit}, CAST(m.facts AS jsonb), m.event_key,
                     'template', CAST({now} AS timestamptz)
              FROM upd CROSS JOIN %s AS m(id, message_type, message, facts, event_key)%s
              RETURNING id, created_at, message
            ), recent AS (
              SELECT ARRAY(SELECT message FROM (SELECT id, created_at, message FROM msg
                                                UNION ALL SELECT id, created_at, message FROM cur) n
                           ORDER BY created_at DESC, id DESC LIMIT 10) AS texts
            )
            SELECT upd.version, recent.texts AS recent,
                   sha256(convert_to(CAST(recent.texts AS text), 'UTF8')) AS recent_hash
            FROM upd, recent""";

    /** The common case: the completion's message alone, five text values, and no ON CONFLICT (it has no key). */
    private static final NamedSql ONE_MESSAGE = NamedSql.of(ONE_STATEMENT.formatted("""
            (VALUES (CAST({m_id} AS text), CAST({m_type} AS text), CAST({m_text} AS text), CAST({m_facts} AS text),
                     CAST({m_key} AS text)))""", ""));

    /** The completion's message and the milestones it reached, five text arrays. */
    private static final NamedSql MANY_MESSAGES = NamedSql.of(ONE_STATEMENT.formatted("""
            unnest(CAST({m_id} AS text[]), CAST({m_type} AS text[]), CAST({m_text} AS text[]),
                   CAST({m_facts} AS text[]), CAST({m_key} AS text[]))""",
            "\n  ON CONFLICT (user_id, event_key) WHERE event_key IS NOT NULL DO NOTHING"));

    /** The first part on Citus: the update alone. */
    private static final NamedSql CITUS_UPDATE = NamedSql.of(CURRENT_MESSAGES + "\n" + UPDATE);

    private static final org.jooq.DataType<String[]> TEXT_ARRAY = SQLDataType.VARCHAR.array();
    private static final Field<String> VERSION = DSL.field(DSL.name("version"), SQLDataType.VARCHAR);
    private static final Field<String[]> RECENT = DSL.field(DSL.name("recent"), SQLDataType.VARCHAR.array());
    private static final Field<byte[]> RECENT_HASH = DSL.field(DSL.name("recent_hash"), SQLDataType.BLOB);

    private AppendWriter() {
    }

    /** What the write returns: the habit row's new version, the owner's last messages and their hash. */
    record Written(String version, List<String> recent, byte[] recentHash) {
    }

    /** The ids and texts of what the write inserts. */
    record Rows(String entryId, String note, OffsetDateTime now, List<String> messageIds,
            List<CoachRecorder.Rendered> messages) {
    }

    /**
     * Writes the append; null when it matched nothing (the snapshot is stale, or the day got an
     * entry). {@code citus}: the database is a Citus cluster; {@code autoCommitted}: the
     * connection is outside a transaction (on Citus the write then opens one of its own).
     */
    static Written write(DSLContext dsl, boolean citus, boolean autoCommitted, CompletionSnapshot s, LocalDate date,
            Append plan, Rows rows) {
        if (!citus) {
            NamedSql sql = rows.messages.size() == 1 ? ONE_MESSAGE : MANY_MESSAGES;
            Record row = messages(update(sql.binds(), s, date, plan, rows.now), plan, rows)
                    .bind("entry_id", text(rows.entryId)).bind("note", text(rows.note))
                    .bind("personality", text(rows.messages.get(0).personalityId()))
                    .query(dsl).coerce(VERSION, RECENT, RECENT_HASH).fetchOne();
            return row == null ? null : new Written(row.get(VERSION), Arrays.asList(row.get(RECENT)),
                    row.get(RECENT_HASH));
        }
        return autoCommitted ? dsl.transactionResult(tx -> onCitus(tx.dsl(), s, date, plan, rows))
                : onCitus(dsl, s, date, plan, rows);
    }

    /** The update, then (when it matched) the inserts and the read of the last messages, sent together. */
    private static Written onCitus(DSLContext dsl, CompletionSnapshot s, LocalDate date, Append plan,
            Rows rows) {
        String version = update(CITUS_UPDATE.binds(), s, date, plan, rows.now).query(dsl).coerce(VERSION).fetchOne(VERSION);
        if (version == null) {
            return null;
        }
        Query entry = dsl.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.ID, rows.entryId)
                .set(HABIT_COMPLETIONS.USER_ID, s.userId()).set(HABIT_COMPLETIONS.HABIT_ID, s.habitId())
                .set(HABIT_COMPLETIONS.COMPLETED_DATE, date).set(HABIT_COMPLETIONS.KIND, EntryKind.DONE)
                .set(HABIT_COMPLETIONS.NOTES, rows.note).set(HABIT_COMPLETIONS.CREATED_AT, rows.now)
                .set(HABIT_COMPLETIONS.UPDATED_AT, rows.now);
        var messages = dsl.insertInto(AI_MESSAGES, AI_MESSAGES.ID, AI_MESSAGES.USER_ID, AI_MESSAGES.PERSONALITY,
                AI_MESSAGES.MESSAGE_TYPE, AI_MESSAGES.MESSAGE, AI_MESSAGES.HABIT_ID, AI_MESSAGES.FACTS,
                AI_MESSAGES.EVENT_KEY, AI_MESSAGES.SOURCE, AI_MESSAGES.CREATED_AT);
        for (int m = 0; m < rows.messages.size(); m++) {
            CoachRecorder.Rendered message = rows.messages.get(m);
            CoachRecorder.Event event = plan.events().get(m);
            messages = messages.values(DSL.val(rows.messageIds.get(m)), DSL.val(s.userId()),
                    DSL.val(message.personalityId()), DSL.val(event.event().type(), AI_MESSAGES.MESSAGE_TYPE),
                    DSL.val(message.text()), DSL.val(s.habitId()),
                    DSL.field("CAST({0} AS jsonb)", AI_MESSAGES.FACTS.getDataType(), DSL.val(message.factsJson())),
                    DSL.val(event.key(), SQLDataType.VARCHAR), DSL.val("template"), DSL.val(rows.now));
        }
        Query inserted = rows.messages.size() == 1 ? messages
                : messages.onConflict(AI_MESSAGES.USER_ID, AI_MESSAGES.EVENT_KEY)
                        .where(AI_MESSAGES.EVENT_KEY.isNotNull()).doNothing();
        Field<String[]> recent = CompletionSnapshot.recentMessages(DSL.val(s.userId()));
        var read = dsl.select(recent.as(RECENT), CompletionSnapshot.hash(recent).as(RECENT_HASH));
        // one round trip for the three statements: the results after the two update counts are the read's
        Result<Record> last = null;
        for (Result<Record> result : dsl.resultQuery("{0};\n{1};\n{2}", entry, inserted, read).fetchMany()) {
            last = result;
        }
        Record row = last.get(0);
        return new Written(version, Arrays.asList(row.get(RECENT)), row.get(RECENT_HASH));
    }

    /** Binds the update's values: the new state and what the plan was made from. */
    private static NamedSql.Binds update(NamedSql.Binds b, CompletionSnapshot s, LocalDate date,
            Append plan, OffsetDateTime now) {
        StreakState after = plan.after();
        return b.bind("current", integer(plan.summary().current())).bind("longest", integer(after.longest()))
                .bind("total", integer(after.totalCompleted())).bind("last_done", date(after.lastDoneDate()))
                .bind("run_length", integer(after.runLength())).bind("run_start", date(after.runStart()))
                .bind("run_end", date(after.runEnd())).bind("next_due", date(after.nextDue()))
                .bind("previous_run_length", integer(after.previousRunLength()))
                .bind("previous_run_end", date(after.previousRunEnd()))
                .bind("last_unmet_week", date(after.lastUnmetWeek()))
                .bind("last_unmet_week_done", integer(after.lastUnmetWeekDone()))
                .bind("excused_through", date(after.excusedThrough()))
                .bind("now", DSL.val(now, SQLDataType.TIMESTAMPWITHTIMEZONE))
                .bind("habit", text(s.habitId())).bind("user", text(s.userId()))
                .bind("habit_version", text(s.habitVersion())).bind("owner_version", text(s.ownerVersion()))
                .bind("date", date(date)).bind("recent_hash", DSL.val(s.recentHash(), SQLDataType.BLOB));
    }

    /** Binds the messages: five text values for one, five text arrays for several. */
    private static NamedSql.Binds messages(NamedSql.Binds b, Append plan, Rows rows) {
        int n = rows.messages.size();
        String[][] columns = new String[5][n];
        for (int m = 0; m < n; m++) {
            columns[0][m] = rows.messageIds.get(m);
            columns[1][m] = plan.events().get(m).event().type().code();
            columns[2][m] = rows.messages.get(m).text();
            columns[3][m] = rows.messages.get(m).factsJson();
            columns[4][m] = plan.events().get(m).key();
        }
        String[] names = {"m_id", "m_type", "m_text", "m_facts", "m_key"};
        for (int c = 0; c < names.length; c++) {
            b.bind(names[c], n == 1 ? DSL.val(columns[c][0], SQLDataType.VARCHAR)
                    : DSL.val(columns[c], TEXT_ARRAY));
        }
        return b;
    }

    // typed values: jOOQ infers nothing per call
    private static Field<LocalDate> date(LocalDate value) {
        return DSL.val(value, SQLDataType.LOCALDATE);
    }

    private static Field<Integer> integer(int value) {
        return DSL.val(value, SQLDataType.INTEGER);
    }

    private static Field<String> text(String value) {
        return DSL.val(value, SQLDataType.VARCHAR);
    }
}
