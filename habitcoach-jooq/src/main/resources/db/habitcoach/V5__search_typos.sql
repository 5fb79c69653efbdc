-- Typo tolerance for search (docs/reminders-and-search.md, SearchSql): when no row of the user
-- matches the full-text query, rows whose text comes close to every word (trigram word similarity,
-- pg_trgm) are returned instead, marked approximate. No index: one user's habits, goals and
-- subtasks are few, and the search reads them by user_id.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- pg_trgm's word_similarity, named with the schema the extension lives in (as habitcoach_unaccent
-- does for unaccent), so the search works whatever the caller's search_path.
DO $migration$
DECLARE
  ext_schema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                      WHERE e.extname = 'pg_trgm');
BEGIN
  EXECUTE format(
    'CREATE FUNCTION habitcoach_word_similarity(word text, body text) RETURNS real '
    'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %L',
    format('SELECT %I.word_similarity($1, $2)', ext_schema));
END
$migration$;
