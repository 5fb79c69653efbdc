-- Issue 17, temporal history: habits and goals keep their versions (an audit trail), and a change of a
-- habit's frequency applies from the user's today on, never to the past (docs/rules.md, "Schedule
-- changes"). The services write a version in the same transaction as the change (no triggers: Citus
-- distributes these tables by user_id, colocated with habits and goals, and the keys include it).

-- A version: the habit's covered fields as they were from valid_from until valid_to (NULL: the open,
-- current version). schedule_from is the user's local day from which this version's frequency applies
-- (the day of the change that set it; carried over by versions that did not change the frequency).
CREATE TABLE habit_versions (
  user_id          TEXT NOT NULL,
  habit_id         TEXT NOT NULL,
  version          INTEGER NOT NULL,
  valid_from       TIMESTAMPTZ NOT NULL,
  valid_to         TIMESTAMPTZ,
  schedule_from    DATE NOT NULL,
  name             TEXT NOT NULL,
  description      TEXT,
  frequency        TEXT NOT NULL,
  specific_days    JSONB,
  times_per_week   INTEGER,
  status           TEXT NOT NULL,
  preferred_time   TEXT,
  reminder_enabled BOOLEAN NOT NULL,
  CONSTRAINT habit_versions_pkey PRIMARY KEY (user_id, habit_id, version),
  CONSTRAINT habit_versions_habit_fkey FOREIGN KEY (user_id, habit_id)
    REFERENCES habits (user_id, id) ON DELETE CASCADE,
  CONSTRAINT habit_versions_version_check CHECK (version >= 1),
  CONSTRAINT habit_versions_valid_check CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT habit_versions_frequency_check CHECK (frequency IN ('daily', 'specific_days', 'per_week')),
  CONSTRAINT habit_versions_status_check CHECK (status IN ('active', 'paused', 'archived'))
);
-- at most one open version per habit
CREATE UNIQUE INDEX habit_versions_open_idx ON habit_versions (user_id, habit_id) WHERE valid_to IS NULL;

CREATE TABLE goal_versions (
  user_id      TEXT NOT NULL,
  goal_id      TEXT NOT NULL,
  version      INTEGER NOT NULL,
  valid_from   TIMESTAMPTZ NOT NULL,
  valid_to     TIMESTAMPTZ,
  title        TEXT NOT NULL,
  description  TEXT,
  category     TEXT NOT NULL,
  start_date   DATE NOT NULL,
  deadline     DATE,
  status       TEXT NOT NULL,
  completed_at TIMESTAMPTZ,
  CONSTRAINT goal_versions_pkey PRIMARY KEY (user_id, goal_id, version),
  CONSTRAINT goal_versions_goal_fkey FOREIGN KEY (user_id, goal_id)
    REFERENCES goals (user_id, id) ON DELETE CASCADE,
  CONSTRAINT goal_versions_version_check CHECK (version >= 1),
  CONSTRAINT goal_versions_valid_check CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT goal_versions_category_check CHECK (category IN ('career', 'health', 'education', 'personal', 'finance', 'other')),
  CONSTRAINT goal_versions_status_check CHECK (status IN ('active', 'completed', 'archived'))
);
CREATE UNIQUE INDEX goal_versions_open_idx ON goal_versions (user_id, goal_id) WHERE valid_to IS NULL;

-- The user's local day the habit's current frequency applies from; NULL while it never changed, so
-- that the streak rules read the versions only for a habit whose schedule did change.
ALTER TABLE habits ADD COLUMN schedule_from DATE;

-- Backfill: one open version per existing habit and goal, valid from its creation. The first version's
-- frequency also judges every earlier day, so its schedule_from only records the creation day (in UTC
-- for an owner whose zone this server does not know: a record only, never read for such a habit).
INSERT INTO habit_versions (user_id, habit_id, version, valid_from, valid_to, schedule_from, name, description,
                            frequency, specific_days, times_per_week, status, preferred_time, reminder_enabled)
SELECT h.user_id, h.id, 1, h.created_at, NULL, ((h.created_at AT TIME ZONE CASE WHEN habitcoach_zone_known(u.timezone) THEN u.timezone ELSE 'UTC' END)
         - u.day_start)::date,
       h.name, h.description, h.frequency, h.specific_days, h.times_per_week, h.status, h.preferred_time,
       h.reminder_enabled
FROM habits h JOIN users u ON u.id = h.user_id;

INSERT INTO goal_versions (user_id, goal_id, version, valid_from, valid_to, title, description, category,
                           start_date, deadline, status, completed_at)
SELECT g.user_id, g.id, 1, g.created_at, NULL, g.title, g.description, g.category, g.start_date, g.deadline,
       g.status, g.completed_at
FROM goals g;
