package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.ACCOUNTS;
import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.ANALYTICS_EVENTS;
import static io.habitcoach.jooq.schema.Tables.CHAT_CONVERSATIONS;
import static io.habitcoach.jooq.schema.Tables.CHAT_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.GOALS;
import static io.habitcoach.jooq.schema.Tables.GOAL_SUBTASKS;
import static io.habitcoach.jooq.schema.Tables.GOAL_VERSIONS;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.HABIT_VERSIONS;
import static io.habitcoach.jooq.schema.Tables.SESSIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Every table that holds a user's data, with the column that names the owner and the columns
 * that hold secrets. Export, purge and the "nothing remains" check all go through this list; a
 * test compares it with the catalog, so a new table with a {@code user_id} cannot be forgotten.
 */
public final class UserTables {

    /**
     * One table of a user's data.
     *
     * @param key     the name of its part in an export
     * @param secrets columns never exported: their value is replaced by {@code "[redacted]"}
     */
    public record Owned(Table<?> table, Field<String> owner, String key, List<String> secrets, String orderBy) {

        /** A table whose rows are exported oldest first by {@code created_at, id}. */
        public Owned(Table<?> table, Field<String> owner, String key, List<String> secrets) {
            this(table, owner, key, secrets, "t.created_at, t.id");
        }
    }

    public static final List<Owned> ALL = List.of(
            new Owned(USERS, USERS.ID, "user", List.of(USERS.PASSWORD.getName())),
            new Owned(SESSIONS, SESSIONS.USER_ID, "sessions", List.of(SESSIONS.TOKEN.getName())),
            new Owned(ACCOUNTS, ACCOUNTS.USER_ID, "accounts",
                    List.of(ACCOUNTS.ACCESS_TOKEN.getName(), ACCOUNTS.REFRESH_TOKEN.getName())),
            new Owned(HABITS, HABITS.USER_ID, "habits", List.of()),
            new Owned(HABIT_COMPLETIONS, HABIT_COMPLETIONS.USER_ID, "habit_completions", List.of()),
            new Owned(HABIT_PAUSES, HABIT_PAUSES.USER_ID, "habit_pauses", List.of()),
            // versions have no id nor created_at: oldest first by when they were written
            new Owned(HABIT_VERSIONS, HABIT_VERSIONS.USER_ID, "habit_versions", List.of(),
                    "t.valid_from, t.habit_id, t.version"),
            new Owned(GOALS, GOALS.USER_ID, "goals", List.of()),
            new Owned(GOAL_SUBTASKS, GOAL_SUBTASKS.USER_ID, "goal_subtasks", List.of()),
            new Owned(GOAL_VERSIONS, GOAL_VERSIONS.USER_ID, "goal_versions", List.of(),
                    "t.valid_from, t.goal_id, t.version"),
            new Owned(AI_MESSAGES, AI_MESSAGES.USER_ID, "ai_messages", List.of()),
            new Owned(CHAT_CONVERSATIONS, CHAT_CONVERSATIONS.USER_ID, "chat_conversations", List.of()),
            new Owned(CHAT_MESSAGES, CHAT_MESSAGES.USER_ID, "chat_messages", List.of()),
            new Owned(ANALYTICS_EVENTS, ANALYTICS_EVENTS.USER_ID, "analytics_events", List.of()));

    private UserTables() {
    }

    /** Rows per table that still belong to any of {@code userIds}, in one statement (one index probe per table). */
    public static Map<String, Integer> remainingRows(DSLContext dsl, Collection<String> userIds) {
        String[] ids = userIds.toArray(String[]::new);
        List<Field<Integer>> counts = ALL.stream()
                .map(o -> DSL.field(DSL.selectCount().from(o.table()).where(o.owner().eq(DSL.any(ids))))
                        .as(o.table().getName()))
                .toList();
        Record row = dsl.select(counts).fetchOne();
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (Field<Integer> count : counts) {
            remaining.put(count.getName(), row.get(count));
        }
        return remaining;
    }

    /**
     * One statement that builds the export of a live user as a JSON object with one member per
     * table ({@code user} an object, the others arrays oldest first), or no row for an unknown or
     * soft-deleted user. Every column is exported (a new column is included without a change
     * here) except the secrets, which are replaced by {@code "[redacted]"} when set.
     */
    public static String exportSql() {
        StringBuilder sql = new StringBuilder("SELECT jsonb_build_object(");
        for (int i = 0; i < ALL.size(); i++) {
            Owned o = ALL.get(i);
            if (i > 0) {
                sql.append(", ");
            }
            sql.append('\'').append(o.key()).append("', ");
            if (o.table() == USERS) {
                sql.append(row("u", o));
            } else {
                sql.append("COALESCE((SELECT jsonb_agg(").append(row("t", o))
                        .append(" ORDER BY ").append(o.orderBy()).append(") FROM ").append(quoted(o.table().getName()))
                        .append(" t WHERE t.").append(quoted(o.owner().getName())).append(" = u.id), '[]'::jsonb)");
            }
        }
        return sql.append(")::text FROM ").append(quoted(USERS.getName()))
                .append(" u WHERE u.id = ? AND u.deleted_at IS NULL").toString();
    }

    /**
     * One keyset page of a table's rows for the streamed export: {@code (id, row json)} of the
     * owner's rows with an id after the second parameter, in id order, at most {@code limit}.
     * For {@code users} the one row of the user, deleted or not.
     */
    public static String exportPageSql(Owned o, int limit) {
        return "SELECT t.id, (" + row("t", o) + ")::text FROM " + quoted(o.table().getName()) + " t WHERE t."
                + quoted(o.owner().getName()) + " = ? AND t.id > ? ORDER BY t.id LIMIT " + limit;
    }

    private static String row(String alias, Owned o) {
        // search_document is derived from the row's own text (a full-text index), not data of its own
        StringBuilder expr = new StringBuilder("(to_jsonb(").append(alias).append(") - 'search_document')");
        for (String secret : o.secrets()) {
            expr.append(" || jsonb_build_object('").append(secret).append("', CASE WHEN ").append(alias).append('.')
                    .append(quoted(secret)).append(" IS NULL THEN NULL ELSE '[redacted]' END)");
        }
        return expr.toString();
    }

    // The names come from the generated schema classes, never from input.
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
