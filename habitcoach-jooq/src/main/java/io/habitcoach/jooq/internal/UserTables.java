package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.ACCOUNTS;
import static io.habitcoach.jooq.schema.Tables.ACCOUNT_LOGINS;
import static io.habitcoach.jooq.schema.Tables.USER_EMAILS;
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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Every table that holds a user's data, with the column that names the owner and the columns
 * that hold secrets. Export, purge and the "nothing remains" check all go through this list; a
 * test compares it with the catalog, so a new table with a {@code user_id} cannot be forgotten.
 */
public final class UserTables {

    /** One table of a user's data. */
    public static final class Owned {

        private final Table<?> table;
        private final Field<String> owner;
        private final String key;
        private final List<String> secrets;
        private final String orderBy;

        private Owned(Table<?> table, Field<String> owner, String key, List<String> secrets, String orderBy) {
            this.table = table;
            this.owner = owner;
            this.key = key;
            this.secrets = secrets;
            this.orderBy = orderBy;
        }

        /** A table whose rows are exported oldest first by {@code created_at, id}. */
        private Owned(Table<?> table, Field<String> owner, String key, List<String> secrets) {
            this(table, owner, key, secrets, "t.created_at, t.id");
        }

        public Table<?> table() {
            return table;
        }

        public Field<String> owner() {
            return owner;
        }

        /** The name of its part in an export. */
        public String key() {
            return key;
        }

        /** Columns never exported: their value is replaced by {@code "[redacted]"}. */
        public List<String> secrets() {
            return secrets;
        }

        public String orderBy() {
            return orderBy;
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

    /**
     * The global lookup tables (docs/scale-out.md): keyed by an email or a provider login, not by
     * the user, so they are not part of a user's export (their content is in users and accounts);
     * a purge deletes a user's rows of them by key ({@link #deleteLookups}).
     */
    public static final List<Table<?>> LOOKUPS = List.of(USER_EMAILS, ACCOUNT_LOGINS);

    /** Rows per table that still belong to any of {@code userIds}, in one statement (one index probe per table). */
    public static Map<String, Integer> remainingRows(DSLContext dsl, Collection<String> userIds) {
        String[] ids = userIds.toArray(String[]::new);
        List<Field<Integer>> counts = ALL.stream()
                .map(o -> DSL.field(DSL.selectCount().from(o.table()).where(owned(o.owner(), ids)))
                        .as(o.table().getName()))
                .toList();
        Record row = dsl.select(counts).fetchOne();
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (Field<Integer> count : counts) {
            remaining.put(count.getName(), row.get(count));
        }
        return remaining;
    }

    /** One user by equality (on Citus a filter the planner routes to that user's shard), else = ANY. */
    private static Condition owned(Field<String> owner, String[] ids) {
        return ids.length == 1 ? owner.eq(ids[0]) : owner.eq(DSL.any(ids));
    }

    /** The users' OAuth logins: (provider, provider account id, user id), read before a purge. */
    public static List<Record3<String, String, String>> logins(DSLContext dsl, Collection<String> userIds) {
        return dsl.select(ACCOUNTS.PROVIDER, ACCOUNTS.PROVIDER_ACCOUNT_ID, ACCOUNTS.USER_ID).from(ACCOUNTS)
                .where(owned(ACCOUNTS.USER_ID, userIds.toArray(String[]::new))).fetch();
    }

    /**
     * Deletes the global lookup rows of purged users by their keys (on Citus each key is one
     * shard's): the email rows ({@code emailByUser}: user id to email) and the OAuth logins read
     * by {@link #logins} before the purge.
     */
    public static void deleteLookups(DSLContext dsl, Map<String, String> emailByUser,
            List<Record3<String, String, String>> logins) {
        List<Condition> emails = emailByUser.entrySet().stream()
                .map(e -> USER_EMAILS.EMAIL.eq(e.getValue()).and(USER_EMAILS.USER_ID.eq(e.getKey()))).toList();
        if (!emails.isEmpty()) {
            dsl.deleteFrom(USER_EMAILS).where(DSL.or(emails)).execute();
        }
        List<Condition> accounts = logins.stream().filter(l -> emailByUser.containsKey(l.value3()))
                .map(l -> ACCOUNT_LOGINS.PROVIDER_ACCOUNT_ID.eq(l.value2()).and(ACCOUNT_LOGINS.PROVIDER.eq(l.value1()))
                        .and(ACCOUNT_LOGINS.USER_ID.eq(l.value3())))
                .toList();
        if (!accounts.isEmpty()) {
            dsl.deleteFrom(ACCOUNT_LOGINS).where(DSL.or(accounts)).execute();
        }
    }

    /**
     * One statement that builds the export of a live user as a JSON object with one member per
     * table ({@code user} an object, the others arrays oldest first), or no row for an unknown or
     * soft-deleted user. Every column is exported (a new column is included without a change
     * here) except the secrets, which are replaced by {@code "[redacted]"} when set. Every {@code ?}
     * is the user's id ({@link #exportParameters}).
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
                        // = ? (the user's id again), not = u.id: every table filtered by the value
                        // itself is what makes the statement a router query on Citus
                        .append(" t WHERE t.").append(quoted(o.owner().getName())).append(" = ?), '[]'::jsonb)");
            }
        }
        return sql.append(")::text FROM ").append(quoted(USERS.getName()))
                // a soft-deleted user too: their data is held until the purge, so it is exported (issue 20)
                .append(" u WHERE u.id = ?").toString();
    }

    /**
     * One keyset page of a table's rows for the streamed export: {@code (key, row json)} of the
     * owner's rows with a key after the second parameter, in key order, at most {@code limit}.
     * For {@code users} the one row of the user, deleted or not.
     */
    public static String exportPageSql(Owned o, int limit) {
        String key = pageKey(o);
        return "SELECT " + key + ", (" + row("t", o) + ")::text FROM " + quoted(o.table().getName()) + " t WHERE t."
                + quoted(o.owner().getName()) + " = ? AND " + key + " > ? ORDER BY " + key + " LIMIT " + limit;
    }

    /** The text that pages a table: its id, or for the version tables (no id) the parent's id and the version. */
    private static String pageKey(Owned o) {
        if (o.table().field("id") != null) {
            return "t.id";
        }
        String parent = o.table() == HABIT_VERSIONS ? HABIT_VERSIONS.HABIT_ID.getName() : GOAL_VERSIONS.GOAL_ID.getName();
        return "(t." + quoted(parent) + " || ':' || lpad(t.version::text, 10, '0'))";
    }

    /** The export statement's bind values: the user's id for each of its parameters. */
    public static Object[] exportParameters(String userId) {
        Object[] values = new Object[ALL.size()];
        java.util.Arrays.fill(values, userId);
        return values;
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
