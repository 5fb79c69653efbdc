-- Habit Coach schema, version 7: the coach jobs find due work through an index (issue 18).
--
-- habits.next_check_at: the instant at which the sweep must next look at the habit: the close of its
--   current scheduled period in its owner's zone and day start (the first scheduled day from today
--   for specific days, the week for per-week habits), or, for a paused or archived habit, the instant
--   its cached streak can go stale; NULL when nothing can ever be due (an archived habit without a
--   streak). The Java services set it in the same statements that change the habit or the owner's
--   calendar, and the sweep advances it; no trigger (triggers are refused on Citus' distributed tables).
-- users.next_weekly_at: the instant at which the user's current week closes.
--
-- The epoch default means "due at the next run": a row inserted by any other path is looked at, and
-- timed, by the next run; an early look is always safe (it finds nothing and sets the right instant).
ALTER TABLE habits ADD COLUMN next_check_at TIMESTAMPTZ DEFAULT '1970-01-01 00:00:00+00';
ALTER TABLE users ADD COLUMN next_weekly_at TIMESTAMPTZ DEFAULT '1970-01-01 00:00:00+00';

-- Backfill, set-based, with PostgreSQL's zone database. Where it disagrees with the JVM's (a DST
-- ambiguity, a zone it does not know), the instant is at most an hour late, or left at the epoch
-- (due at once): a period is then looked at a little late, never skipped.
WITH cal AS (
  SELECT u.id, u.timezone, u.day_start, u.first_day_of_week AS fdow,
         ((now() AT TIME ZONE u.timezone) - u.day_start)::date AS today
  FROM users u
  WHERE u.deleted_at IS NULL AND u.timezone IN (SELECT name FROM pg_timezone_names)
), due AS (
  SELECT h.id, cal.timezone, cal.day_start,
    CASE
      WHEN h.status = 'active' AND h.frequency = 'daily' THEN cal.today + 1
      WHEN h.status = 'active' AND h.frequency = 'per_week'
        THEN cal.today - ((extract(isodow FROM cal.today)::int - cal.fdow + 7) % 7) + 7
      WHEN h.status = 'active' THEN (
        SELECT min(cal.today + k) + 1 FROM generate_series(0, 6) AS k
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(h.specific_days) AS d(name)
          WHERE lower(btrim(d.name)) = (ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
            'sunday'])[extract(isodow FROM cal.today + k)::int]))
      -- paused or archived: only a cached streak can still go stale, when its next due period closes
      WHEN h.current_streak > 0 AND h.streak_next_due IS NOT NULL AND h.frequency = 'per_week'
        THEN h.streak_next_due - ((extract(isodow FROM h.streak_next_due)::int - cal.fdow + 7) % 7) + 7
      WHEN h.current_streak > 0 AND h.streak_next_due IS NOT NULL THEN h.streak_next_due + 1
    END AS close_day
  FROM habits h JOIN cal ON cal.id = h.user_id
)
-- (a streak that is already stale gets an instant in the past: due at the next run)
UPDATE habits SET next_check_at = (due.close_day + due.day_start) AT TIME ZONE due.timezone
FROM due
WHERE habits.id = due.id;

UPDATE users SET next_weekly_at = ((
    ((now() AT TIME ZONE timezone) - day_start)::date
    - ((extract(isodow FROM ((now() AT TIME ZONE timezone) - day_start)::date)::int - first_day_of_week + 7) % 7) + 7)
    + day_start) AT TIME ZONE timezone
WHERE deleted_at IS NULL AND timezone IN (SELECT name FROM pg_timezone_names);

-- The due scans: WHERE next_check_at <= now ORDER BY next_check_at, id, from the index alone. An
-- archived habit without a streak (NULL) and a deleted user are not in them at all.
CREATE INDEX habits_next_check_idx ON habits (next_check_at, id) WHERE next_check_at IS NOT NULL;
CREATE INDEX users_next_weekly_idx ON users (next_weekly_at, id) WHERE deleted_at IS NULL;
