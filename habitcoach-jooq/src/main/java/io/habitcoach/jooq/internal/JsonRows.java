package io.habitcoach.jooq.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.ContextConverter;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.TableRecord;

/**
 * Nested rows as compact JSON for reads that return a tree in one statement (the dashboard): each
 * row is a JSON array of its fields in a fixed order, dates as epoch days and instants as epoch
 * microseconds, read back with Jackson's streaming parser into generated records through each
 * field's own converter. jOOQ's MULTISET does the same job generically, at several times the cost
 * per value (a JSON object per row, a parsed timestamp string per instant); on the dashboard that
 * was half of the call.
 */
public final class JsonRows {

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    private JsonRows() {
    }

    /** {@code json_build_array(...)} of {@code fields} of the table aliased {@code alias}, then {@code extra} SQL values. */
    public static String buildArray(String alias, List<Field<?>> fields, String... extra) {
        StringBuilder sql = new StringBuilder("json_build_array(");
        for (Field<?> field : fields) {
            String column = alias + ".\"" + field.getName() + "\"";
            Class<?> type = field.getConverter().fromType();
            if (type == OffsetDateTime.class) {
                // numeric epoch (PostgreSQL 14+) times 10^6 is exact: whole microseconds
                sql.append("(extract(epoch from ").append(column).append(") * 1000000)::int8");
            } else if (type == LocalDate.class) {
                sql.append("(").append(column).append(" - DATE '1970-01-01')");
            } else if (type == LocalTime.class) {
                sql.append(column).append("::text");
            } else {
                sql.append(column);
            }
            sql.append(", ");
        }
        for (String value : extra) {
            sql.append(value).append(", ");
        }
        sql.setLength(sql.length() - 2);
        return sql.append(')').toString();
    }

    /** Reads one field value at the parser's current token (as written by {@link #buildArray}) into {@code record}. */
    public static void read(JsonParser p, TableRecord<?> record, Field<?> field) throws IOException {
        Object value = p.currentToken() == JsonToken.VALUE_NULL ? null : databaseValue(p, field.getConverter().fromType());
        set(record, field, value);
    }

    @SuppressWarnings("unchecked")
    private static <D, U> void set(TableRecord<?> record, Field<U> field, Object databaseValue) {
        ContextConverter<D, U> converter = (ContextConverter<D, U>) field.getConverter();
        record.set(field, databaseValue == null ? null : converter.from((D) databaseValue));
    }

    private static Object databaseValue(JsonParser p, Class<?> type) throws IOException {
        if (type == String.class) {
            return p.getText();
        } else if (type == Integer.class) {
            return p.getIntValue();
        } else if (type == Short.class) {
            return p.getShortValue();
        } else if (type == Long.class) {
            return p.getLongValue();
        } else if (type == Boolean.class) {
            return p.getBooleanValue();
        } else if (type == LocalDate.class) {
            return LocalDate.ofEpochDay(p.getLongValue());
        } else if (type == OffsetDateTime.class) {
            long micros = p.getLongValue();
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                    .atOffset(ZoneOffset.UTC);
        } else if (type == LocalTime.class) {
            return LocalTime.parse(p.getText());
        } else if (type == JSONB.class) {
            return JSONB.valueOf(p.readValueAsTree().toString());
        }
        throw new IllegalStateException("no JSON reading for a column of type " + type.getName());
    }

    /**
     * Reads a JSON array of rows; {@code row} reads one row's fields, its parser positioned on the
     * row's first value, and must leave it on the row's closing bracket. {@code null} reads as empty.
     */
    public static <T> List<T> readRows(String json, RowReader<T> row) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = JSON.createParser(json)) {
            return readRows(p, p.nextToken(), row);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable nested rows from the database: " + e.getMessage(), e);
        }
    }

    /** {@link #readRows(String, RowReader)} for a nested array at the parser's current token. */
    public static <T> List<T> readRows(JsonParser p, JsonToken start, RowReader<T> row) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(start, JsonToken.START_ARRAY);
        List<T> rows = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.START_ARRAY);
            p.nextToken();
            rows.add(row.read(p));
            expect(p.currentToken(), JsonToken.END_ARRAY);
        }
        return rows;
    }

    /** Reads {@code fields} in order into a new record, leaving the parser on the token after the last one. */
    public static <R extends TableRecord<R>> R readRecord(JsonParser p, R record, List<Field<?>> fields)
            throws IOException {
        for (Field<?> field : fields) {
            read(p, record, field);
            p.nextToken();
        }
        return record;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("nested rows from the database: expected " + expected + ", got " + actual);
        }
    }

    /** Reads one row; see {@link #readRows(String, RowReader)}. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** A reader for rows of {@code fields} only, turned into values by {@code map}. */
    public static <R extends TableRecord<R>, T> RowReader<T> fieldsOnly(Supplier<R> record,
            List<Field<?>> fields, Function<R, T> map) {
        return p -> map.apply(readRecord(p, record.get(), fields));
    }

    /** A reader for rows of {@code fields} followed by one nested array read by {@code nested}. */
    public static <R extends TableRecord<R>, N, T> RowReader<T> withNested(Supplier<R> record,
            List<Field<?>> fields, RowReader<N> nested, BiFunction<R, List<N>, T> map) {
        return p -> {
            R r = readRecord(p, record.get(), fields);
            List<N> children = readRows(p, p.currentToken(), nested);
            p.nextToken();
            return map.apply(r, children);
        };
    }
}
