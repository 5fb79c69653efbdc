package io.habitcoach.jooq.internal;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.Page;
import io.habitcoach.jooq.PageRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Keyset pages over {@code (instant, id)}: the condition that starts a page after a cursor, and the
 * page (with the next cursor) from the {@code limit + 1} rows a query read. A cursor is URL-safe
 * base64 of {@code v1}, the list's name, the instant in epoch microseconds (what PostgreSQL stores) and
 * the id, followed by 8 bytes of SHA-256 over them: an edited, truncated or foreign cursor (another
 * list's) is refused as {@link InvalidInputException} naming {@code cursor}. The check is not keyed: a
 * cursor forged with a matching checksum only starts the caller's own list elsewhere, since every page
 * query also filters by the user.
 */
public final class Pages {

    private static final String VERSION = "v1";
    private static final int CHECK_BYTES = 8;
    private static final int MAX_CURSOR_CHARS = 400;
    private static final int MAX_ID_CHARS = 100;

    private Pages() {
    }

    /** A decoded cursor: the last item of the previous page. */
    record Key(OffsetDateTime at, String id) {
    }

    /**
     * The condition for the rows after the request's cursor in the order {@code (at, id)} (ascending or
     * descending, both columns the same way); no condition for the first page.
     */
    public static Condition after(PageRequest page, String list, Field<OffsetDateTime> at, Field<String> id,
            boolean descending) {
        InvalidInputException.requirePresent(page, "page");
        if (page.cursor() == null) {
            return DSL.noCondition();
        }
        Key key = decode(list, page.cursor());
        var row = DSL.row(at, id);
        return descending ? row.lt(key.at(), key.id()) : row.gt(key.at(), key.id());
    }

    /** How many rows a page query reads: one more than the page, to know whether another page follows. */
    public static int fetchSize(PageRequest page) {
        return page.limit() + 1;
    }

    /** The page of the first {@code limit} rows, with a cursor after its last row when more were read. */
    public static <R extends Record, T> Page<T> of(List<R> rows, PageRequest page, String list,
            Field<OffsetDateTime> at, Field<String> id, Function<? super R, ? extends T> map) {
        boolean more = rows.size() > page.limit();
        List<R> kept = more ? rows.subList(0, page.limit()) : rows;
        List<T> items = kept.stream().<T>map(map).toList();
        Optional<String> next = Optional.empty();
        if (more) {
            R last = kept.get(kept.size() - 1);
            next = Optional.of(encode(list, last.get(at), last.get(id)));
        }
        return new Page<>(items, next);
    }

    static String encode(String list, OffsetDateTime at, String id) {
        Instant instant = at.toInstant();
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        byte[] payload = (VERSION + "\n" + list + "\n" + micros + "\n" + id).getBytes(StandardCharsets.UTF_8);
        byte[] check = check(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(payload.length + CHECK_BYTES)
                .put(payload).put(check).array());
    }

    static Key decode(String list, String cursor) {
        String allowed = "a cursor returned by an earlier page of this list (" + list + "), passed back unchanged";
        if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
            throw new InvalidInputException("cursor", allowed);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", allowed);
        }
        if (bytes.length <= CHECK_BYTES) {
            throw new InvalidInputException("cursor", allowed);
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECK_BYTES);
        byte[] check = Arrays.copyOfRange(bytes, bytes.length - CHECK_BYTES, bytes.length);
        if (!MessageDigest.isEqual(check, check(payload))) {
            throw new InvalidInputException("cursor", allowed);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(list) || parts[3].isEmpty()
                || parts[3].length() > MAX_ID_CHARS) {
            throw new InvalidInputException("cursor", allowed);
        }
        try {
            long micros = Long.parseLong(parts[2]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new Key(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), parts[3]);
        } catch (RuntimeException e) {   // not a number, or an instant out of range
            throw new InvalidInputException("cursor", allowed);
        }
    }

    private static byte[] check(byte[] payload) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(payload), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
