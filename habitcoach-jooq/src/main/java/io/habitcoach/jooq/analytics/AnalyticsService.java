package io.habitcoach.jooq.analytics;

import io.habitcoach.jooq.HabitCoach;

import static io.habitcoach.jooq.schema.Tables.ANALYTICS_EVENTS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.internal.Instants;
import io.habitcoach.jooq.internal.JsonValues;
import io.habitcoach.jooq.internal.ClientInfo;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Texts;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.AnalyticsEventsRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Analytics events: record one with JSON data, and count events by name and UTC day. Obtain it
 * from {@link HabitCoach#analytics()}.
 */
public final class AnalyticsService {

    public static final int MAX_EVENT_NAME = 100;
    /** The longest event data, as JSON text. */
    public static final int MAX_DATA_CHARS = 64 * 1024;
    private static final int MAX_DEPTH = 32;

    // Duplicate keys are refused rather than resolved silently (jsonb would keep the last one).
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_DATA_CHARS).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The UTC day of an event's instant, computed in the database. */
    private static final Field<LocalDate> UTC_DAY =
            DSL.field("(({0} AT TIME ZONE 'UTC')::date)", SQLDataType.LOCALDATE, ANALYTICS_EVENTS.CREATED_AT);

    private final Context ctx;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public AnalyticsService(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Records an event of a live user.
     *
     * @param eventName 1 to 100 characters, no control characters, e.g. {@code habit_completed}
     * @param data      the event's properties, or null: a map of String keys to JSON values (String, Number,
     *                  Boolean, null, and nested Maps with String keys, Lists or arrays of these), at most
     *                  64 KB as JSON text; copied, so later changes to it are not stored
     * @param userAgent optional, at most 1,000 characters
     * @param ipAddress optional, an IPv4 or IPv6 literal
     */
    public AnalyticsEvent record(String userId, String eventName, Map<String, ?> data, String userAgent,
            String ipAddress) {
        return record(userId, eventName, data == null ? null : tree(data), userAgent, ipAddress);
    }

    private AnalyticsEvent record(String userId, String eventName, JsonNode data, String userAgent,
            String ipAddress) {
        String name = eventName(eventName);
        JsonNode checked = data == null || data.isNull() ? null : checkData(data);
        String agent = ClientInfo.userAgent(userAgent);
        String ip = ClientInfo.ipAddress(ipAddress);
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            AnalyticsEventsRecord created = dsl.insertInto(ANALYTICS_EVENTS)
                    .set(ANALYTICS_EVENTS.ID, ctx.ids().next())
                    .set(ANALYTICS_EVENTS.USER_ID, userId)
                    .set(ANALYTICS_EVENTS.EVENT_NAME, name)
                    .set(ANALYTICS_EVENTS.EVENT_DATA, checked)
                    .set(ANALYTICS_EVENTS.USER_AGENT, agent)
                    .set(ANALYTICS_EVENTS.IP_ADDRESS, ip)
                    .set(ANALYTICS_EVENTS.CREATED_AT, now)
                    .returning()
                    .fetchOne();
            return new AnalyticsEvent(created.getId(), created.getUserId(), created.getEventName(),
                    JsonValues.object(created.getEventData()), created.getUserAgent(), created.getIpAddress(), created.getCreatedAt());
        });
    }

    /**
     * Like {@link #record(String, String, Map, String, String)}, with the data as JSON text
     * (null for none). Text that is not one JSON object is an {@link InvalidInputException}.
     */
    public AnalyticsEvent recordJson(String userId, String eventName, String json, String userAgent,
            String ipAddress) {
        return record(userId, eventName, json == null ? null : parse(json), userAgent, ipAddress);
    }

    /**
     * One page of a live user's events, newest first ({@code created_at}, then id, both descending), each
     * with its data. A keyset page over the index on {@code (user_id, created_at)}: an event recorded
     * while the pages are read is newer than every page and never repeats one. A cursor that is not this
     * list's is {@link InvalidInputException}.
     */
    public io.habitcoach.jooq.Page<AnalyticsEvent> events(String userId, io.habitcoach.jooq.PageRequest page) {
        InvalidInputException.requirePresent(page, "page");
        var after = io.habitcoach.jooq.internal.Pages.after(page, "analytics events", ANALYTICS_EVENTS.CREATED_AT,
                ANALYTICS_EVENTS.ID, true);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            var rows = dsl.selectFrom(ANALYTICS_EVENTS).where(ANALYTICS_EVENTS.USER_ID.eq(userId)).and(after)
                    .orderBy(ANALYTICS_EVENTS.CREATED_AT.desc(), ANALYTICS_EVENTS.ID.desc())
                    .limit(io.habitcoach.jooq.internal.Pages.fetchSize(page))
                    .fetch();
            return io.habitcoach.jooq.internal.Pages.of(rows, page, "analytics events", ANALYTICS_EVENTS.CREATED_AT,
                    ANALYTICS_EVENTS.ID, e -> new AnalyticsEvent(e.getId(), e.getUserId(), e.getEventName(),
                            JsonValues.object(e.getEventData()), e.getUserAgent(), e.getIpAddress(), e.getCreatedAt()));
        });
    }

    /**
     * How many events of a live user were recorded in {@code [from, to)}, by event name and UTC
     * day, ordered by day and name. One statement, which also tells an unknown or soft-deleted
     * user ({@link io.habitcoach.core.NotFoundException}) from one without events (empty list).
     */
    public List<EventCount> countsForUser(String userId, Instant from, Instant to) {
        Condition range = range(from, to);
        String id = Objects.requireNonNullElse(userId, "");
        Result<Record3<String, LocalDate, Integer>> rows = ctx.db().replica(userId, dsl -> dsl
                .select(ANALYTICS_EVENTS.EVENT_NAME, UTC_DAY, DSL.count(ANALYTICS_EVENTS.ID))
                .from(USERS)
                .leftJoin(ANALYTICS_EVENTS).on(ANALYTICS_EVENTS.USER_ID.eq(USERS.ID)).and(range)
                .where(USERS.ID.eq(id)).and(USERS.DELETED_AT.isNull())
                .groupBy(ANALYTICS_EVENTS.EVENT_NAME, UTC_DAY)
                .orderBy(UTC_DAY, ANALYTICS_EVENTS.EVENT_NAME)
                .fetch());
        if (rows.isEmpty()) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        // a live user without events in the range gives one row of nulls (the outer join)
        return rows.stream().filter(r -> r.value1() != null)
                .map(r -> new EventCount(r.value1(), r.value2(), r.value3())).toList();
    }

    /**
     * How many events of all users (soft-deleted ones included, until they are purged) were
     * recorded in {@code [from, to)}, by name and UTC day, ordered by day and name; one statement.
     */
    public List<EventCount> countsForAll(Instant from, Instant to) {
        Condition range = range(from, to);
        return ctx.db().replica(null, dsl -> dsl.select(ANALYTICS_EVENTS.EVENT_NAME, UTC_DAY, DSL.count())
                .from(ANALYTICS_EVENTS)
                .where(range)
                .groupBy(ANALYTICS_EVENTS.EVENT_NAME, UTC_DAY)
                .orderBy(UTC_DAY, ANALYTICS_EVENTS.EVENT_NAME)
                .fetch(r -> new EventCount(r.value1(), r.value2(), r.value3())));
    }

    private static Condition range(Instant from, Instant to) {
        Instants.storable("from", from);
        Instants.storable("to", to);
        InvalidInputException.require(from.isBefore(to), "to", "after from (" + from + "), got " + to);
        return ANALYTICS_EVENTS.CREATED_AT.ge(OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .and(ANALYTICS_EVENTS.CREATED_AT.lt(OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
    }

    private static String eventName(String eventName) {
        String name = Texts.required("eventName", eventName, MAX_EVENT_NAME);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("eventName", "must not contain control characters");
        }
        return name;
    }

    private static JsonNode parse(String json) {
        if (Texts.hasUnpairedSurrogate(json)) {
            throw new InvalidInputException("eventData", "valid Unicode text (no unpaired surrogate characters)");
        }
        if (json.length() > MAX_DATA_CHARS) {
            throw new InvalidInputException("eventData", "at most " + MAX_DATA_CHARS + " characters of JSON, got "
                    + json.length());
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("eventData", "one valid JSON object: " + e.getOriginalMessage());
        }
    }

    /** The tree of a host's map; a value that is no JSON value is an {@link InvalidInputException}. */
    private static JsonNode tree(Map<String, ?> data) {
        checkValue(data, 1);   // before Jackson sees it: it would serialize any bean, and recurse into a cycle
        try {
            return JSON.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("eventData", "JSON values only: " + e.getMessage());
        }
    }

    private static void checkValue(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException("eventData", "nested at most " + MAX_DEPTH + " levels deep");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new InvalidInputException("eventData", "String keys only, got " + entry.getKey());
                }
                checkValue(entry.getValue(), depth + 1);
            }
        } else if (value instanceof Iterable<?> list) {
            for (Object element : list) {
                checkValue(element, depth + 1);
            }
        } else if (value != null && !(value instanceof String) && !(value instanceof Number)
                && !(value instanceof Boolean)) {
            throw new InvalidInputException("eventData", "JSON values only (String, Number, Boolean, null, Map, "
                    + "List), got a " + value.getClass().getName());
        }
    }

    /** A JSON object within the limits, that PostgreSQL's jsonb can store (no NUL in any text). */
    private static JsonNode checkData(JsonNode data) {
        if (!data.isObject()) {
            throw new InvalidInputException("eventData", "a JSON object, got " + data.getNodeType());
        }
        JsonNode copy = data.deepCopy(); // the caller may change its node later; we store what was checked
        checkNode(copy, 1);
        String text;
        try {
            text = JSON.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("eventData", "serializable JSON: " + e.getOriginalMessage());
        }
        if (text.length() > MAX_DATA_CHARS) {
            throw new InvalidInputException("eventData", "at most " + MAX_DATA_CHARS + " characters of JSON, got "
                    + text.length());
        }
        return copy;
    }

    private static void checkNode(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException("eventData", "nested at most " + MAX_DEPTH + " levels deep");
        }
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw new InvalidInputException("eventData", "must not contain NUL characters (\\u0000)");
        }
        if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new InvalidInputException("eventData", "numbers must be finite");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().indexOf('\0') >= 0) {
                    throw new InvalidInputException("eventData", "must not contain NUL characters (\\u0000)");
                }
                checkNode(field.getValue(), depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checkNode(element, depth + 1);
            }
        }
    }

    /**
     * The retention job for analytics: deletes every event recorded more than {@code age} ago (one
     * day to 100 years), in transactions of at most 10,000 rows so it can run beside live traffic;
     * returns how many were deleted. Added for the starter's retention schedule (issue 20).
     */
    public long deleteOlderThan(java.time.Duration age) {
        InvalidInputException.requirePresent(age, "age");
        InvalidInputException.require(age.compareTo(java.time.Duration.ofDays(1)) >= 0
                && age.compareTo(java.time.Duration.ofDays(36_500)) <= 0, "age", "1 day to 100 years, got " + age);
        var before = ctx.now().minus(age);
        long deleted = 0;
        while (true) {
            int batch = ctx.db().tx(cfg -> org.jooq.impl.DSL.using(cfg).deleteFrom(ANALYTICS_EVENTS)
                    .where(ANALYTICS_EVENTS.ID.in(org.jooq.impl.DSL.select(ANALYTICS_EVENTS.ID).from(ANALYTICS_EVENTS)
                            .where(ANALYTICS_EVENTS.CREATED_AT.lt(before)).limit(10_000)))
                    .execute());
            deleted += batch;
            if (batch < 10_000) {
                return deleted;
            }
        }
    }
}
