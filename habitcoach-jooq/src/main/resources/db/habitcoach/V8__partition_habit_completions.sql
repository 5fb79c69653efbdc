-- habit_completions becomes range-partitioned by completed_date (native partitioning), one
-- partition per calendar year (habit_completions_y2026, ...) plus a DEFAULT partition, so that no
-- date ever fails (docs/schema.md, "Partitioning"; docs/scale-out.md).
--
-- * Every unique key holds the partition key (PostgreSQL requires it) and the owner (Citus requires
--   the distribution column): the primary key is the natural key (user_id, habit_id, completed_date),
--   one entry per habit and day. id keeps its random value but is no longer a key (nothing refers to
--   an entry by id; a key on it would have to carry completed_date and user_id anyway).
-- * The composite foreign key to habits (user_id, id) and the user_id column stay, so the table is
--   distributable by user_id on Citus (partitioned and distributed; partitions created later on a
--   distributed parent are propagated).
-- * No trigger. Partitions are created ahead by habitcoach_ensure_completion_partitions(from, to),
--   which HabitCoach.migrate() and CoachJobs.ensureCompletionPartitions() call.
--
-- In place, in this migration's one transaction: the old table's rows are copied into the new one,
-- the indexes are built after the copy, the old table is dropped and the new one takes its name. A
-- host with a large table should read docs/schema.md first (the copy holds an exclusive lock on
-- habit_completions for its duration).

-- Creates the yearly partitions from_year .. to_year that do not exist yet; returns how many it
-- created. Rows of such a year already in the DEFAULT partition are moved into the new partition.
-- Serialized by an advisory lock, so concurrent callers (several instances, the jobs) never race.
CREATE FUNCTION habitcoach_ensure_completion_partitions(from_year int, to_year int) RETURNS int
  LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
DECLARE
  parent  text := format('%I.%I', current_schema(), 'habit_completions');
  deflt   text := format('%I.%I', current_schema(), 'habit_completions_default');
  part    text;
  lo      date;
  hi      date;
  created int := 0;
  y       int;
BEGIN
  IF from_year IS NULL OR to_year IS NULL OR from_year < 1 OR to_year > 9999 OR to_year - from_year > 100 THEN
    RAISE EXCEPTION 'habitcoach_ensure_completion_partitions: years 1..9999, at most 100 at once, got % .. %',
      from_year, to_year;
  END IF;
  FOR y IN from_year .. to_year LOOP
    part := format('%I.%I', current_schema(), 'habit_completions_y' || lpad(y::text, 4, '0'));
    CONTINUE WHEN to_regclass(part) IS NOT NULL;
    PERFORM pg_advisory_xact_lock(hashtext('habitcoach_completion_partitions'));
    CONTINUE WHEN to_regclass(part) IS NOT NULL;   -- created by a concurrent caller meanwhile
    lo := make_date(y, 1, 1);
    hi := make_date(y + 1, 1, 1);
    IF to_regclass(deflt) IS NOT NULL AND EXISTS (
        SELECT 1 FROM habit_completions_default WHERE completed_date >= lo AND completed_date < hi) THEN
      -- PostgreSQL refuses a partition whose rows the DEFAULT partition holds: move them over.
      EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, deflt);
      EXECUTE format('CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent, lo, hi);
      EXECUTE format('INSERT INTO %s SELECT * FROM %s WHERE completed_date >= %L AND completed_date < %L',
                     parent, deflt, lo, hi);
      EXECUTE format('DELETE FROM %s WHERE completed_date >= %L AND completed_date < %L', deflt, lo, hi);
      EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', parent, deflt);
    ELSE
      EXECUTE format('CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent, lo, hi);
    END IF;
    created := created + 1;
  END LOOP;
  RETURN created;
END
$fn$;

CREATE TABLE habit_completions_partitioned (
  id             TEXT NOT NULL DEFAULT gen_random_uuid()::text,
  habit_id       TEXT NOT NULL,
  completed_date DATE NOT NULL,        -- the user's local day, never an instant; the partition key
  notes          TEXT,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  user_id        TEXT NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'done',
  CONSTRAINT habit_completions_kind_check CHECK (kind IN ('done', 'skipped'))
) PARTITION BY RANGE (completed_date);

CREATE TABLE habit_completions_default PARTITION OF habit_completions_partitioned DEFAULT;

-- One partition for every year from the oldest entry (at most 20 years back) to next year, so
-- that the DEFAULT partition holds only outliers; a range read within these years never scans it.
DO $migration$
DECLARE
  this_year int := extract(year FROM now())::int;
  oldest    int := (SELECT extract(year FROM min(completed_date))::int FROM habit_completions);
  y         int;
BEGIN
  FOR y IN greatest(least(coalesce(oldest, this_year), this_year - 1), this_year - 20) .. this_year + 1 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF habit_completions_partitioned FOR VALUES FROM (%L) TO (%L)',
                   'habit_completions_y' || lpad(y::text, 4, '0'), make_date(y, 1, 1), make_date(y + 1, 1, 1));
  END LOOP;
END
$migration$;

-- The copy: indexes and keys come after it (one sorted build per partition instead of row by row).
INSERT INTO habit_completions_partitioned (id, habit_id, completed_date, notes, created_at, updated_at, user_id, kind)
SELECT id, habit_id, completed_date, notes, created_at, updated_at, user_id, kind FROM habit_completions;

DROP TABLE habit_completions;
ALTER TABLE habit_completions_partitioned RENAME TO habit_completions;

ALTER TABLE habit_completions
  ADD CONSTRAINT habit_completions_pkey PRIMARY KEY (user_id, habit_id, completed_date),
  ADD CONSTRAINT habit_completions_habit_fk FOREIGN KEY (user_id, habit_id)
    REFERENCES habits (user_id, id) ON DELETE CASCADE;
-- the seed's indexes and those of V1 and V3, as they were (the unique one is the primary key now)
CREATE INDEX habit_completions_habit_id_idx ON habit_completions (habit_id);
CREATE INDEX habit_completions_date_idx ON habit_completions (completed_date);
CREATE INDEX habit_completions_user_date_idx ON habit_completions (user_id, completed_date);
CREATE INDEX habit_completions_skipped_idx ON habit_completions (habit_id, completed_date) WHERE kind = 'skipped';
