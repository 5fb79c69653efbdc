package io.habitcoach.jooq.search;

import io.habitcoach.jooq.HabitCoach;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.search.internal.SearchSql;
import io.habitcoach.jooq.search.internal.SearchWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Full-text search over one user's habits (name, description), goals and subtasks (title,
 * description), with PostgreSQL's text search: ranked (a title match before a description match),
 * by prefix ("corr" finds "Corrida"), accent-insensitive ("saude" finds "Saúde"), stemmed in the
 * user's language (Portuguese for {@code pt-BR}, English for {@code en}, no stemming otherwise:
 * "corridas" finds "corrida"). The search documents are generated columns with GIN indexes, kept up
 * to date by PostgreSQL itself. See {@code docs/reminders-and-search.md}.
 *
 * <p>The text is split into words of letters and digits; everything else only separates words, so
 * operators and quotes ({@code a & !b}, {@code '}, {@code :*}) are searched as text and never raise a
 * database error. Every word must match. Obtain it from {@link HabitCoach#search()}.
 */
public final class SearchService {

    /** Hits returned when no limit is given. */
    public static final int DEFAULT_LIMIT = 20;
    /** The largest limit accepted. */
    public static final int MAX_LIMIT = 100;
    /** The longest search text accepted, in characters. */
    public static final int MAX_TEXT = 200;
    /** Words beyond this many are ignored. */
    public static final int MAX_WORDS = 10;
    /** The longest snippet, in characters. */
    public static final int SNIPPET_LENGTH = 160;

    private final Context ctx;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public SearchService(Context ctx) {
        this.ctx = ctx;
    }

    /** The user's best {@value #DEFAULT_LIMIT} matches for {@code text}, best first. */
    public List<SearchHit> search(String userId, String text) {
        return search(userId, text, DEFAULT_LIMIT);
    }

    /**
     * The user's best {@code limit} matches for {@code text}, best first; empty when the text holds no
     * word (only punctuation, say). When no row matches every word, the rows that come within a
     * typo of each word are returned instead, marked {@link SearchHit#approximate()}.
     *
     * @throws NotFoundException     for an unknown or deleted user
     * @throws InvalidInputException for a null or too long text, or a limit outside 1..{@value #MAX_LIMIT}
     */
    public List<SearchHit> search(String userId, String text, int limit) {
        InvalidInputException.requirePresent(text, "text");
        InvalidInputException.require(text.length() <= MAX_TEXT, "text",
                "at most " + MAX_TEXT + " characters, got " + text.length());
        InvalidInputException.require(limit >= 1 && limit <= MAX_LIMIT, "limit",
                "1 to " + MAX_LIMIT + ", got " + limit);
        String[] words = SearchWords.of(text, MAX_WORDS).toArray(String[]::new);
        String owner = Objects.requireNonNullElse(userId, "");
        Result<Record> rows = ctx.db().read(dsl -> dsl.resultQuery(SearchSql.SEARCH, DSL.val(owner),
                DSL.val(words, SQLDataType.CLOB.getArrayDataType()), DSL.val(limit)).fetch());
        if (rows.isEmpty()) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Record r : rows) {
            String kind = r.get("kind", String.class);
            if (kind != null) {
                hits.add(new SearchHit(SearchHit.Kind.valueOf(kind), r.get("id", String.class),
                        r.get("goal_id", String.class), r.get("title", String.class),
                        snippet(r.get("description", String.class)), r.get("rank", Double.class),
                        Boolean.TRUE.equals(r.get("approximate", Boolean.class))));
            }
        }
        return hits;
    }

    /** The description shortened to {@link #SNIPPET_LENGTH} characters at a word, or null. */
    static String snippet(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.strip().replaceAll("\\s+", " ");
        if (text.length() <= SNIPPET_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_LENGTH - 1);
        if (cut < SNIPPET_LENGTH / 2) {
            cut = SNIPPET_LENGTH - 1;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
