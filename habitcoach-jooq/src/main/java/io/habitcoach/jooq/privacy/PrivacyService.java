package io.habitcoach.jooq.privacy;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.HabitCoachDataException;

import static io.habitcoach.jooq.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Db;
import io.habitcoach.jooq.internal.UserTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The data subject's rights under LGPD and GDPR: access (an export of everything stored about a
 * user) and erasure (a purge that leaves nothing behind), plus the retention job that erases
 * soft-deleted users for good. Obtain it from {@link HabitCoach#privacy()}.
 */
public final class PrivacyService {

    /** The value of {@code format} in every export; changes when the document's shape does. */
    public static final String EXPORT_FORMAT = "habitcoach-export/1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT_SQL = UserTables.exportSql();

    private final Context ctx;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public PrivacyService(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Everything stored about a user, as one JSON document built by one SQL statement:
     * {@code {"format", "exportedAt", "user": {...}, "sessions": [...], "accounts": [...],
     * "habits": [...], "habit_completions", "habit_pauses", "goals", "goal_subtasks",
     * "ai_messages", "chat_conversations", "chat_messages", "analytics_events"}}. Every column of
     * every row is included under its column name, instants in UTC, arrays oldest first, except
     * secrets: the password hash, the session token hashes and the OAuth tokens read
     * {@code "[redacted]"} (or null when not set). Returned as JSON text, which a host sends or stores as
     * it is, or reads with its own JSON library. A soft-deleted user is exported too, until purged (the
     * data is still held); an unknown or purged user is a {@link NotFoundException}. The document is one
     * {@code jsonb} value, which PostgreSQL limits to about 256 MB: {@link #exportTo} streams any size.
     */
    public String export(String userId) {
        var now = ctx.now();
        String json = ctx.db().replicaTx(userId, cfg -> {
            DSLContext dsl = DSL.using(cfg);
            // instants in the document in UTC, whatever the server's or the pool's time zone
            dsl.execute("SET LOCAL TIME ZONE 'UTC'");
            return dsl.resultQuery(EXPORT_SQL, UserTables.exportParameters(Objects.requireNonNullElse(userId, "")))
                    .fetchOptional(0, String.class)
                    .orElseThrow(() -> new NotFoundException("user", String.valueOf(userId)));
        });
        try {
            JsonNode tables = JSON.readTree(json);
            ObjectNode export = JSON.createObjectNode();
            export.put("format", EXPORT_FORMAT);
            export.put("exportedAt", now.toInstant().toString());
            for (UserTables.Owned owned : UserTables.ALL) { // in a fixed, readable order
                export.set(owned.key(), tables.get(owned.key()));
            }
            return JSON.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned invalid JSON", e);
        }
    }

    /** The first line of a streamed export: {@code {"format": ..., "exportedAt": ..., "userId": ...}}. */
    public static final String STREAM_FORMAT = "habitcoach-export-ndjson/1";
    private static final int EXPORT_PAGE_ROWS = 100;

    /**
     * Writes everything stored about a user to {@code out} as NDJSON, one JSON object per line: a
     * header {@code {"format":"habitcoach-export-ndjson/1","exportedAt","userId"}}, then one line
     * {@code {"table":"<key>","row":{...}}} per row, table by table in {@link #export}'s order, rows in
     * id order, secrets {@code "[redacted]"} as in {@link #export}. Unlike {@link #export}, whose one
     * {@code jsonb} value has a size limit (a user with ~270 MB of analytics could never be exported),
     * it reads keyset pages of 100 rows inside one read-only REPEATABLE READ transaction (one
     * consistent snapshot), so memory does not depend on the user's size. A soft-deleted user is
     * exported too, until purged: the data is still held. An unknown or purged user is a
     * {@link NotFoundException} before anything is written. The writer is flushed, not closed.
     */
    public void exportTo(String userId, java.io.Writer out) {
        Objects.requireNonNull(out, "out");
        var now = ctx.now();
        String id = Objects.requireNonNullElse(userId, "");
        ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            dsl.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            dsl.execute("SET LOCAL TIME ZONE 'UTC'");
            if (!dsl.fetchExists(USERS, USERS.ID.eq(id))) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            try {
                ObjectNode header = JSON.createObjectNode();
                header.put("format", STREAM_FORMAT);
                header.put("exportedAt", now.toInstant().toString());
                header.put("userId", id);
                out.write(JSON.writeValueAsString(header));
                out.write('\n');
                for (UserTables.Owned owned : UserTables.ALL) {
                    String sql = UserTables.exportPageSql(owned, EXPORT_PAGE_ROWS);
                    String prefix = "{\"table\":" + JSON.writeValueAsString(owned.key()) + ",\"row\":";
                    String after = "";
                    while (true) {
                        var page = dsl.resultQuery(sql, id, after).fetch();
                        for (var row : page) {
                            out.write(prefix);
                            out.write(row.get(1, String.class));
                            out.write("}\n");
                        }
                        if (page.size() < EXPORT_PAGE_ROWS) {
                            break;
                        }
                        after = page.get(page.size() - 1).get(0, String.class);
                    }
                }
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("writing the export failed", e);
            }
            return null;
        });
    }

    /**
     * Erases a user and every row of theirs, for good, including a soft-deleted user (the users
     * row is deleted and the foreign keys cascade). Before committing, it checks every table that
     * holds user data and rolls back with {@link HabitCoachDataException} if anything remains.
     * An unknown id is a {@link NotFoundException}.
     */
    public void purge(String userId) {
        ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Db.wroteFor(userId);
            String id = Objects.requireNonNullElse(userId, "");
            // the global lookup rows live apart from the user's (docs/scale-out.md): named first,
            // while the accounts still exist, and deleted with the user
            var logins = UserTables.logins(dsl, List.of(id));
            String email = dsl.deleteFrom(USERS).where(USERS.ID.eq(id)).returning(USERS.EMAIL).fetchOne(USERS.EMAIL);
            if (email == null) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            UserTables.deleteLookups(dsl, Map.of(id, email), logins);
            verifyNothingRemains(dsl, List.of(id));
            return null;
        });
    }

    /**
     * The retention job: erases, as {@link #purge} does, every user soft-deleted more than
     * {@code retention} ago, in one transaction; returns how many users were erased. Run it daily.
     */
    public int purgeDeletedBefore(Duration retention) {
        InvalidInputException.requirePresent(retention, "retention");
        InvalidInputException.require(!retention.isNegative() && retention.compareTo(Duration.ofDays(36_500)) <= 0,
                "retention", "from zero to 36500 days, got " + retention);
        var cutoff = ctx.now().minus(retention);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            List<String> candidates = dsl.select(USERS.ID).from(USERS)
                    .where(USERS.DELETED_AT.isNotNull()).and(USERS.DELETED_AT.lt(cutoff))
                    .fetch(USERS.ID);
            if (candidates.isEmpty()) {
                return 0;
            }
            // a soft-deleted user links no account, so these are all the candidates' logins
            var logins = UserTables.logins(dsl, candidates);
            Map<String, String> purged = dsl.deleteFrom(USERS)
                    .where(USERS.ID.in(candidates))
                    .and(USERS.DELETED_AT.isNotNull()).and(USERS.DELETED_AT.lt(cutoff))
                    .returning(USERS.ID, USERS.EMAIL)
                    .fetchMap(USERS.ID, USERS.EMAIL);
            if (!purged.isEmpty()) {
                UserTables.deleteLookups(dsl, purged, logins);
                verifyNothingRemains(dsl, List.copyOf(purged.keySet()));
            }
            return purged.size();
        });
    }

    private static void verifyNothingRemains(DSLContext dsl, List<String> userIds) {
        Map<String, Integer> remaining = UserTables.remainingRows(dsl, userIds);
        remaining.values().removeIf(count -> count == 0);
        if (!remaining.isEmpty()) {
            throw new HabitCoachDataException("the purge left rows behind and was rolled back: " + remaining, null,
                    false, null);
        }
    }
}
