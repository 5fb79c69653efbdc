package io.habitcoach.jooq.internal;

/**
 * The one statement behind {@code SearchService.search}: {@code {0}} the user id, {@code {1}} the
 * words ({@code text[]}), {@code {2}} the limit. It returns one row with null hit columns when the
 * user exists but nothing matches, and no row for an unknown or deleted user.
 *
 * <p>The user's language picks the text-search configuration the words are stemmed with
 * (Portuguese for {@code pt*}, English for {@code en*}, simple otherwise); {@code
 * habitcoach_search_query} (migration V4) turns the words into a prefix query that is matched against
 * the generated {@code search_document} columns, indexed with GIN. Every branch filters on
 * {@code user_id}: another user's rows cannot appear.
 */
public final class SearchSql {

    private SearchSql() {
    }

    public static final String SEARCH = """
            WITH owner AS MATERIALIZED (
              -- materialized: the query is built once, not once per row it is matched against
              SELECT u.id,
                     habitcoach_search_query(
                       CAST(CASE lower(split_part(u.language, '-', 1))
                              WHEN 'pt' THEN 'pg_catalog.portuguese'
                              WHEN 'en' THEN 'pg_catalog.english'
                              ELSE 'pg_catalog.simple' END AS regconfig),
                       CAST({1} AS text[])) AS query
              FROM users u
              WHERE u.id = {0} AND u.deleted_at IS NULL
            )
            SELECT o.id AS user_id, hit.kind, hit.id, hit.goal_id, hit.title, hit.description, hit.rank
            FROM owner o
            LEFT JOIN LATERAL (
              SELECT x.* FROM (
                SELECT 'HABIT' AS kind, h.id, CAST(NULL AS text) AS goal_id, h.name AS title, h.description,
                       ts_rank(h.search_document, o.query) AS rank
                FROM habits h
                WHERE h.user_id = o.id AND h.search_document @@ o.query
                UNION ALL
                SELECT 'GOAL', g.id, NULL, g.title, g.description, ts_rank(g.search_document, o.query)
                FROM goals g
                WHERE g.user_id = o.id AND g.search_document @@ o.query
                UNION ALL
                SELECT 'SUBTASK', s.id, s.goal_id, s.title, s.description, ts_rank(s.search_document, o.query)
                FROM goal_subtasks s
                WHERE s.user_id = o.id AND s.search_document @@ o.query
              ) x
              ORDER BY x.rank DESC, x.title, x.id
              LIMIT {2}
            ) hit ON true
            ORDER BY hit.rank DESC, hit.title, hit.id
            """;
}
