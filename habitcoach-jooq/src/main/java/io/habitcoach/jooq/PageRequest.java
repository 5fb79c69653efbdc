package io.habitcoach.jooq;

import io.habitcoach.core.InvalidInputException;

/**
 * Which page of a list to read: at most {@code limit} items (1 to {@value #MAX_LIMIT}) after
 * {@code cursor}, the {@link Page#nextCursor()} of the previous page (null for the first page). Pages
 * are keyset pages, not offsets: a page costs the same however deep it is, and rows added or removed
 * between two reads neither repeat an item already read nor shift the next page.
 *
 * <pre>{@code
 * Page<Habit> page = coach.habits().list(userId, PageRequest.first(50));
 * while (page.nextCursor().isPresent()) {
 *     page = coach.habits().list(userId, PageRequest.after(page.nextCursor().get(), 50));
 * }
 * }</pre>
 *
 * @param limit  the most items the page holds, 1 to {@value #MAX_LIMIT}
 * @param cursor where the page starts: null for the first page, else a cursor from the same list
 */
public record PageRequest(int limit, String cursor) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        InvalidInputException.require(limit >= 1 && limit <= MAX_LIMIT, "limit",
                "1 to " + MAX_LIMIT + " items per page, got " + limit);
    }

    /** The first page of at most {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The page after the one that returned {@code cursor}; a null cursor is the first page. */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(limit, cursor);
    }
}
