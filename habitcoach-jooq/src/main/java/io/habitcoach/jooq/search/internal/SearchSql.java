package io.habitcoach.jooq.search.internal;

/**
 * The one statement behind {@code SearchService.search}: {@code {0}} the user id, {@code {1}} the
 * words ({@code text[]}), {@code {2}} the limit. It returns one row with null hit columns when the
 * user exists but nothing matches, and no row for an unknown or deleted user.
 *
 * <p>The user's language picks the text-search configuration the words are stemmed with
 * (Portuguese for {@code pt*}, English for {@code en*}, simple otherwise); {@code
 * habitcoach_search_query} (migration V4) turns the words into a prefix query that is matched against
 * the trigger-kept {@code search_document} columns, indexed with GIN. When no row matches,
 * the rows close to every word (pg_trgm's word similarity of at least {@link #TYPO_CLOSENESS},
 * migration V5) are returned instead, marked approximate. Every
 * branch filters on {@code user_id}: another user's rows cannot appear.
 */
public final class SearchSql {

    private SearchSql() {
    }

    /** How close every word must come for an approximate hit (trigram word similarity, 0 to 1). */
    public static final double TYPO_CLOSENESS = 0.5;

    public static final String SEARCH = """
            WITH owner AS MATERIALIZED (
              -- materialized: the query is built once, not once per row it is matched against
              SELECT u.id,
                     habitcoach_search_query(
                       CAST(CASE lower(split_part(u.language, '-', 1))
                              WHEN 'pt' THEN 'pg_catalog.portuguese'
                              WHEN 'en' THEN 'pg_catalog.english'
                              ELSE 'pg_catalog.simple' END AS regconfig),
                       CAST({1} AS text[])) AS query,
                     -- the words as the typo fallback compares them: accents folded, lower case
                     ARRAY(SELECT lower(habitcoach_unaccent(w)) FROM unnest(CAST({1} AS text[])) AS w
                           WHERE w <> '') AS folded
              FROM users u
              WHERE u.id = {0} AND u.deleted_at IS NULL
              -- every table below is filtered by {0} itself, not by o.id: on Citus that makes the
              -- statement a router query (one shard), docs/scale-out.md
            ), exact AS (
              SELECT x.* FROM (
                SELECT 'HABIT' AS kind, h.id, CAST(NULL AS text) AS goal_id, h.name AS title, h.description,
                       CAST(ts_rank(h.search_document, o.query) AS float8) AS rank
                FROM owner o JOIN habits h ON h.user_id = {0}
                WHERE h.search_document @@ o.query
                UNION ALL
                SELECT 'GOAL', g.id, NULL, g.title, g.description, ts_rank(g.search_document, o.query)
                FROM owner o JOIN goals g ON g.user_id = {0}
                WHERE g.search_document @@ o.query
                UNION ALL
                SELECT 'SUBTASK', s.id, s.goal_id, s.title, s.description, ts_rank(s.search_document, o.query)
                FROM owner o JOIN goal_subtasks s ON s.user_id = {0}
                WHERE s.search_document @@ o.query
              ) x
              ORDER BY x.rank DESC, x.title, x.id
              LIMIT {2}
            ), approximate AS (
              -- Only when nothing matches exactly: rows close to every word, a typo's worth away. A
              -- word of four letters or more counts by its trigram similarity to the closest stretch
              -- of the row's text; a shorter one, too short for trigrams to tell a typo from chance,
              -- must start a word of it (found by position, not by a pattern built from user text).
              -- No closeness at all when every word is that short.
              SELECT x.kind, x.id, x.goal_id, x.title, x.description, CAST(c.closeness AS float8) AS rank
              FROM owner o
              CROSS JOIN LATERAL (
                SELECT 'HABIT' AS kind, h.id, CAST(NULL AS text) AS goal_id, h.name AS title, h.description
                FROM habits h WHERE h.user_id = {0}
                UNION ALL
                SELECT 'GOAL', g.id, NULL, g.title, g.description FROM goals g WHERE g.user_id = {0}
                UNION ALL
                SELECT 'SUBTASK', s.id, s.goal_id, s.title, s.description FROM goal_subtasks s WHERE s.user_id = {0}
              ) x
              CROSS JOIN LATERAL (
                SELECT CASE WHEN bool_or(char_length(w.word) >= 4) THEN
                         min(CASE WHEN char_length(w.word) >= 4 THEN habitcoach_word_similarity(w.word, t.text)
                                  WHEN strpos(t.words, ' ' || w.word) > 0 THEN 1
                                  ELSE 0 END) END AS closeness
                FROM unnest(o.folded) AS w(word),
                     (SELECT f.text, ' ' || regexp_replace(f.text, '[^[:alnum:]]+', ' ', 'g') AS words
                      FROM (SELECT lower(habitcoach_unaccent(coalesce(x.title, '') || ' ' || coalesce(x.description, '')))
                              AS text) f) t
              ) c
              WHERE NOT EXISTS (SELECT 1 FROM exact) AND c.closeness >= %s
              ORDER BY rank DESC, x.title, x.id
              LIMIT {2}
            )
            SELECT o.id AS user_id, hit.kind, hit.id, hit.goal_id, hit.title, hit.description, hit.rank,
                   hit.approximate
            FROM owner o
            LEFT JOIN LATERAL (
              SELECT e.*, false AS approximate FROM exact e
              UNION ALL
              SELECT a.*, true FROM approximate a
            ) hit ON true
            ORDER BY hit.rank DESC, hit.title, hit.id
            """.formatted(TYPO_CLOSENESS);
}
