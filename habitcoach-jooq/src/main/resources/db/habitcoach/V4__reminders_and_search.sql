-- Habit Coach schema, version 4: reminders due and full-text search (issue 10).
-- docs/reminders-and-search.md explains every object created here. Like the tables, everything is
-- created in the connection's current schema.

---------------------------------------------------------------------------------------------------
-- Reminders
---------------------------------------------------------------------------------------------------

-- The instant at which a wall-clock time in a zone happens, as the reminder rules define it:
--   * a time that exists once: that instant;
--   * a time skipped by a spring-forward gap: the first instant after the gap (the transition
--     itself), e.g. 02:30 on 2026-03-29 in Europe/Berlin -> 01:00Z (03:00 CEST);
--   * a time that occurs twice on a fall-back day: the first occurrence, e.g. 02:30 on 2026-10-25 in
--     Europe/Berlin -> 00:30Z (02:30 CEST), never 01:30Z.
-- PostgreSQL's own "timestamp AT TIME ZONE zone" differs in both special cases (it reads a gap time
-- with the offset before the gap, 01:30Z, and an ambiguous time with the offset after the switch,
-- 01:30Z). habitcoach_local_instant answers the common case inline (no switch in the day before:
-- neither a gap nor an overlap is possible) and leaves the rest to habitcoach_local_instant_dst.
CREATE FUNCTION habitcoach_local_instant_dst(local_time timestamp, zone text) RETURNS timestamptz
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
DECLARE
  later   timestamptz := local_time AT TIME ZONE zone;   -- PostgreSQL's reading
  shown   timestamp   := later AT TIME ZONE zone;        -- how that instant reads on the wall
  before  interval;
  earlier timestamptz;
  lo      timestamptz;
  hi      timestamptz;
  mid     timestamptz;
BEGIN
  IF shown <> local_time THEN
    -- In a gap: "later" lies after the transition and reads local_time + gap; "later - gap" lies
    -- before it. Bisect for the first instant whose wall-clock reading is at least local_time.
    lo := later - (shown - local_time);
    hi := later;
    WHILE hi - lo > interval '1 microsecond' LOOP
      mid := lo + (hi - lo) / 2;
      IF (mid AT TIME ZONE zone) >= local_time THEN
        hi := mid;
      ELSE
        lo := mid;
      END IF;
    END LOOP;
    RETURN hi;
  END IF;
  -- Ambiguous if the offset in force a day earlier also reads local_time, at an earlier instant.
  before := ((later - interval '1 day') AT TIME ZONE zone) - ((later - interval '1 day') AT TIME ZONE 'UTC');
  earlier := (local_time - before) AT TIME ZONE 'UTC';
  IF earlier < later AND (earlier AT TIME ZONE zone) = local_time THEN
    RETURN earlier;
  END IF;
  RETURN later;
END $$;

-- Not STRICT, so that PostgreSQL can inline it into the reminder query (a strict SQL function whose
-- body is a CASE is never inlined); NULL arguments still give NULL.
CREATE FUNCTION habitcoach_local_instant(local_time timestamp, zone text) RETURNS timestamptz
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
           WHEN ((local_time AT TIME ZONE zone) AT TIME ZONE zone) = local_time
            AND ((local_time AT TIME ZONE zone) AT TIME ZONE zone) - (local_time AT TIME ZONE zone AT TIME ZONE 'UTC')
              = (((local_time AT TIME ZONE zone) - interval '1 day') AT TIME ZONE zone)
                - (((local_time AT TIME ZONE zone) - interval '1 day') AT TIME ZONE 'UTC')
           THEN local_time AT TIME ZONE zone
           ELSE habitcoach_local_instant_dst(local_time, zone)
         END
$$;

-- Whether PostgreSQL knows the zone. The services validate zones in Java, whose time-zone database
-- may differ from the server's; a zone the server does not know would make every AT TIME ZONE on it
-- fail. It is checked once, when the zone is copied onto the habits (below), not on every reminder
-- read (pg_timezone_names would be far too slow for either).
CREATE FUNCTION habitcoach_zone_known(zone text) RETURNS boolean
  LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
BEGIN
  PERFORM now() AT TIME ZONE zone;
  RETURN true;
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN false;
END $$;

-- The owner's zone on each habit, kept equal to users.timezone by the two triggers below, so that
-- the reminders of a minute are one index range per zone (habits_reminder_idx) instead of every
-- habit at that wall-clock time in any zone, joined to users to find the few in the right zone.
-- NULL when the server does not know the user's zone: such a habit gets no reminder, and cannot
-- fail the reminder query of everyone else. Nullable also so that a habit of a missing user still
-- fails on its foreign key, as before.
ALTER TABLE habits ADD COLUMN user_timezone text;
UPDATE habits h SET user_timezone = CASE WHEN habitcoach_zone_known(u.timezone) THEN u.timezone END
FROM users u WHERE u.id = h.user_id;

-- Both trigger functions read tables: their search_path is pinned to this migration's, so that a
-- write through schema-qualified names from a session with another search_path still finds them.
CREATE FUNCTION habitcoach_habit_user_timezone() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
DECLARE
  zone text;
BEGIN
  -- FOR SHARE waits for a concurrent change of the user's zone, so that the copy is never stale
  SELECT u.timezone INTO zone FROM users u WHERE u.id = NEW.user_id FOR SHARE;
  NEW.user_timezone := CASE WHEN habitcoach_zone_known(zone) THEN zone END;
  RETURN NEW;
END $$;
CREATE TRIGGER habits_user_timezone BEFORE INSERT OR UPDATE OF user_id, user_timezone ON habits
  FOR EACH ROW EXECUTE FUNCTION habitcoach_habit_user_timezone();

CREATE FUNCTION habitcoach_user_timezone_changed() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE habits SET user_timezone = NEW.timezone WHERE user_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER users_timezone_to_habits AFTER UPDATE OF timezone ON users
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION habitcoach_user_timezone_changed();

-- The reminder candidates: active, reminder-enabled habits by zone and preferred time. The text
-- HH:MM compares in time order byte-wise, hence COLLATE "C" (also cheaper than a locale).
CREATE INDEX habits_reminder_idx ON habits (user_timezone, (preferred_time COLLATE "C"))
  WHERE reminder_enabled AND status = 'active' AND preferred_time IS NOT NULL;

---------------------------------------------------------------------------------------------------
-- Full-text search
---------------------------------------------------------------------------------------------------

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it finds its dictionary through search_path), so a generated column
-- cannot call it. This wrapper names the extension's function and dictionary with their schema
-- (wherever the extension lives: this schema, public, or a host's own), which makes it IMMUTABLE
-- in fact and independent of the caller's search_path.
DO $migration$
DECLARE
  ext_schema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                      WHERE e.extname = 'unaccent');
BEGIN
  EXECUTE format(
    'CREATE FUNCTION habitcoach_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
    'AS %L',
    format('SELECT %I.unaccent(%L::regdictionary, $1)', ext_schema, quote_ident(ext_schema) || '.unaccent'));
END
$migration$;

-- The search document of a row: its title (weight A) and description (weight B), accents folded,
-- as lexemes of the three configurations the users' languages map to: Portuguese and English
-- stems, and the unstemmed words ('simple'), which prefix matching needs ("runn" is a prefix of
-- "running" but not of its English stem "run").
CREATE FUNCTION habitcoach_search_document(title text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT setweight(to_tsvector('pg_catalog.portuguese', t) || to_tsvector('pg_catalog.english', t)
                   || to_tsvector('pg_catalog.simple', t), 'A')
      || setweight(to_tsvector('pg_catalog.portuguese', b) || to_tsvector('pg_catalog.english', b)
                   || to_tsvector('pg_catalog.simple', b), 'B')
  FROM (SELECT habitcoach_unaccent(coalesce(title, '')) AS t, habitcoach_unaccent(coalesce(body, '')) AS b) s
$$;

-- The query for the words a user typed (split by the caller into runs of letters and digits):
-- every word must match, as a prefix, either stemmed in the user's configuration or unstemmed.
-- Each word is quoted as one tsquery operand after its quotes and backslashes are removed, so
-- nothing a user types is ever read as tsquery syntax. NULL when no word is left.
CREATE FUNCTION habitcoach_search_query(config regconfig, words text[]) RETURNS tsquery
  LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  word    text;
  operand text;
  part    tsquery;
  result  tsquery;
BEGIN
  FOREACH word IN ARRAY coalesce(words, ARRAY[]::text[]) LOOP
    word := btrim(translate(habitcoach_unaccent(coalesce(word, '')), E'\'\\', '  '));
    CONTINUE WHEN word = '';
    operand := '''' || word || ''':*';
    part := to_tsquery(config, operand) || to_tsquery('pg_catalog.simple', operand);
    result := CASE WHEN result IS NULL THEN part ELSE result && part END;
  END LOOP;
  RETURN result;
END $$;

-- The search documents are kept by triggers that fire only when a title or description is
-- written, not generated columns: a generated column is recomputed on every UPDATE of the row,
-- and every completion updates its habit's streak caches.
ALTER TABLE habits ADD COLUMN search_document tsvector;
ALTER TABLE goals ADD COLUMN search_document tsvector;
ALTER TABLE goal_subtasks ADD COLUMN search_document tsvector;

CREATE FUNCTION habitcoach_search_document_refresh() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_TABLE_NAME = 'habits' THEN
    NEW.search_document := habitcoach_search_document(NEW.name, NEW.description);
  ELSE
    NEW.search_document := habitcoach_search_document(NEW.title, NEW.description);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER habits_search_document BEFORE INSERT OR UPDATE OF name, description, search_document ON habits
  FOR EACH ROW EXECUTE FUNCTION habitcoach_search_document_refresh();
CREATE TRIGGER goals_search_document BEFORE INSERT OR UPDATE OF title, description, search_document ON goals
  FOR EACH ROW EXECUTE FUNCTION habitcoach_search_document_refresh();
CREATE TRIGGER goal_subtasks_search_document BEFORE INSERT OR UPDATE OF title, description, search_document
  ON goal_subtasks FOR EACH ROW EXECUTE FUNCTION habitcoach_search_document_refresh();

-- rows written before this migration
UPDATE habits SET search_document = habitcoach_search_document(name, description);
UPDATE goals SET search_document = habitcoach_search_document(title, description);
UPDATE goal_subtasks SET search_document = habitcoach_search_document(title, description);

CREATE INDEX habits_search_idx ON habits USING gin (search_document);
CREATE INDEX goals_search_idx ON goals USING gin (search_document);
CREATE INDEX goal_subtasks_search_idx ON goal_subtasks USING gin (search_document);
