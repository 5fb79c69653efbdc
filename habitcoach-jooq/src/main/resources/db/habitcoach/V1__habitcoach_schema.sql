-- Habit Coach schema, version 1: the eleven tables of the seed specification, made right for
-- PostgreSQL, plus what the rules need beyond the seed. docs/schema.md lists every deviation.
-- Everything is created in the connection's current schema.

CREATE TABLE users (
  id                      TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  email                   TEXT NOT NULL,
  password                TEXT,
  email_verified          TIMESTAMPTZ,
  name                    TEXT,
  image                   TEXT,
  selected_personality    TEXT NOT NULL DEFAULT 'yoda',
  timezone                TEXT NOT NULL DEFAULT 'America/Sao_Paulo',
  language                TEXT NOT NULL DEFAULT 'pt-BR',
  plan                    TEXT NOT NULL DEFAULT 'free',
  subscription_status     TEXT,
  subscription_id         TEXT,
  subscription_expires_at TIMESTAMPTZ,
  created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
  deleted_at              TIMESTAMPTZ,
  -- beyond the seed: when the user's day starts, and the first day of their week (ISO 1 = Monday)
  day_start               TIME NOT NULL DEFAULT '00:00',
  first_day_of_week       SMALLINT NOT NULL DEFAULT 1,
  CONSTRAINT users_email_unique UNIQUE (email),
  CONSTRAINT users_plan_check CHECK (plan IN ('free', 'pro')),
  CONSTRAINT users_subscription_status_check
    CHECK (subscription_status IS NULL OR subscription_status IN ('active', 'paused', 'cancelled')),
  CONSTRAINT users_first_day_of_week_check CHECK (first_day_of_week BETWEEN 1 AND 7),
  CONSTRAINT users_personality_not_blank CHECK (length(btrim(selected_personality)) > 0),
  CONSTRAINT users_timezone_not_blank CHECK (length(btrim(timezone)) > 0)
);
CREATE INDEX users_email_idx ON users (email);

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token        TEXT NOT NULL,          -- a hash of the token, never the token itself
  user_agent   TEXT,
  ip_address   TEXT,
  expires_at   TIMESTAMPTZ NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- beyond the seed: revocation and last use
  revoked_at   TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ,
  CONSTRAINT sessions_token_unique UNIQUE (token)
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE TABLE accounts (
  id                  TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id             TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  provider            TEXT NOT NULL,
  provider_account_id TEXT NOT NULL,
  refresh_token       TEXT,
  access_token        TEXT,
  token_expiry        TIMESTAMPTZ,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT accounts_user_provider_unique UNIQUE (user_id, provider),
  -- beyond the seed: one provider account belongs to one user (the global login lookup)
  CONSTRAINT accounts_provider_account_unique UNIQUE (provider, provider_account_id)
);

CREATE TABLE habits (
  id                TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  description       TEXT,
  frequency         TEXT NOT NULL,
  specific_days     JSONB,
  times_per_week    INTEGER,
  preferred_time    TEXT,
  reminder_enabled  BOOLEAN NOT NULL DEFAULT false,
  current_streak    INTEGER NOT NULL DEFAULT 0,
  longest_streak    INTEGER NOT NULL DEFAULT 0,
  total_completed   INTEGER NOT NULL DEFAULT 0,
  status            TEXT NOT NULL DEFAULT 'active',
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_last_at DATE,              -- the latest done day (a local date, like the entries)
  -- beyond the seed: the rest of the streak rules' state (io.habitcoach.core.streak.StreakState),
  -- so that a completion updates the caches, and a read gets the streak as of today, without
  -- rereading the entries
  streak_run_length           INTEGER NOT NULL DEFAULT 0,
  streak_run_start            DATE,
  streak_run_end              DATE,
  streak_next_due             DATE,
  streak_previous_run_length  INTEGER NOT NULL DEFAULT 0,
  streak_previous_run_end     DATE,
  streak_last_unmet_week      DATE,
  streak_last_unmet_week_done INTEGER NOT NULL DEFAULT 0,
  streak_excused_through      DATE,
  CONSTRAINT habits_user_id_id_unique UNIQUE (user_id, id),   -- target of the composite foreign keys
  CONSTRAINT habits_frequency_check CHECK (frequency IN ('daily', 'specific_days', 'per_week')),
  CONSTRAINT habits_status_check CHECK (status IN ('active', 'paused', 'archived')),
  CONSTRAINT habits_specific_days_check CHECK (
    (frequency = 'specific_days') = (specific_days IS NOT NULL)
    AND (specific_days IS NULL OR (jsonb_typeof(specific_days) = 'array' AND jsonb_array_length(specific_days) BETWEEN 1 AND 7))),
  CONSTRAINT habits_times_per_week_check CHECK (
    (frequency = 'per_week') = (times_per_week IS NOT NULL)
    AND (times_per_week IS NULL OR times_per_week BETWEEN 1 AND 7)),
  CONSTRAINT habits_preferred_time_check CHECK (preferred_time IS NULL OR preferred_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  CONSTRAINT habits_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  CONSTRAINT habits_counters_check CHECK (current_streak >= 0 AND longest_streak >= current_streak AND total_completed >= 0)
) WITH (fillfactor = 80);   -- room on each page, so that the cache updates of every completion stay HOT
CREATE INDEX habits_user_id_idx ON habits (user_id);
CREATE INDEX habits_status_idx ON habits (status);

CREATE TABLE habit_completions (
  id             TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  habit_id       TEXT NOT NULL,
  completed_date DATE NOT NULL,        -- the user's local day, never an instant
  notes          TEXT,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- beyond the seed: the owner (kept equal to the habit's) and whether the day was done or skipped
  user_id        TEXT NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'done',
  CONSTRAINT habit_completions_habit_date_unique UNIQUE (habit_id, completed_date),
  CONSTRAINT habit_completions_habit_fk FOREIGN KEY (user_id, habit_id)
    REFERENCES habits (user_id, id) ON DELETE CASCADE,
  CONSTRAINT habit_completions_kind_check CHECK (kind IN ('done', 'skipped'))
);
CREATE INDEX habit_completions_habit_id_idx ON habit_completions (habit_id);
CREATE INDEX habit_completions_date_idx ON habit_completions (completed_date);
CREATE INDEX habit_completions_user_date_idx ON habit_completions (user_id, completed_date);

-- beyond the seed: when a habit was paused, so that paused days are not scheduled
CREATE TABLE habit_pauses (
  id          TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id     TEXT NOT NULL,
  habit_id    TEXT NOT NULL,
  paused_from DATE NOT NULL,           -- first local day of the pause
  resumed_on  DATE,                    -- first local day after it; NULL while paused
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT habit_pauses_habit_fk FOREIGN KEY (user_id, habit_id)
    REFERENCES habits (user_id, id) ON DELETE CASCADE,
  CONSTRAINT habit_pauses_range_check CHECK (resumed_on IS NULL OR resumed_on >= paused_from)
);
CREATE INDEX habit_pauses_habit_id_idx ON habit_pauses (habit_id);
CREATE UNIQUE INDEX habit_pauses_one_open_idx ON habit_pauses (habit_id) WHERE resumed_on IS NULL;

CREATE TABLE goals (
  id                 TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id            TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title              TEXT NOT NULL,
  description        TEXT,
  category           TEXT NOT NULL,
  start_date         DATE NOT NULL DEFAULT CURRENT_DATE,
  deadline           DATE,
  total_subtasks     INTEGER NOT NULL DEFAULT 0,
  completed_subtasks INTEGER NOT NULL DEFAULT 0,
  status             TEXT NOT NULL DEFAULT 'active',
  completed_at       TIMESTAMPTZ,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT goals_user_id_id_unique UNIQUE (user_id, id),
  CONSTRAINT goals_category_check CHECK (category IN ('career', 'health', 'education', 'personal', 'finance', 'other')),
  CONSTRAINT goals_status_check CHECK (status IN ('active', 'completed', 'archived')),
  CONSTRAINT goals_deadline_check CHECK (deadline IS NULL OR deadline >= start_date),
  CONSTRAINT goals_counters_check CHECK (total_subtasks >= 0 AND completed_subtasks BETWEEN 0 AND total_subtasks),
  CONSTRAINT goals_title_check CHECK (length(btrim(title)) > 0)
);
CREATE INDEX goals_user_id_idx ON goals (user_id);
CREATE INDEX goals_status_idx ON goals (status);

CREATE TABLE goal_subtasks (
  id               TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  goal_id          TEXT NOT NULL,
  title            TEXT NOT NULL,
  description      TEXT,
  estimated_days   INTEGER,
  success_criteria TEXT,
  "order"          INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL DEFAULT 'pending',
  completed_at     TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  user_id          TEXT NOT NULL,      -- beyond the seed: the owner, kept equal to the goal's
  CONSTRAINT goal_subtasks_goal_fk FOREIGN KEY (user_id, goal_id)
    REFERENCES goals (user_id, id) ON DELETE CASCADE,
  CONSTRAINT goal_subtasks_status_check CHECK (status IN ('pending', 'in_progress', 'completed')),
  CONSTRAINT goal_subtasks_completed_at_check CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CONSTRAINT goal_subtasks_estimated_days_check CHECK (estimated_days IS NULL OR estimated_days >= 0),
  CONSTRAINT goal_subtasks_title_check CHECK (length(btrim(title)) > 0)
);
CREATE INDEX goal_subtasks_goal_id_idx ON goal_subtasks (goal_id);
CREATE INDEX goal_subtasks_status_idx ON goal_subtasks (status);

CREATE TABLE ai_messages (
  id           TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  personality  TEXT NOT NULL,          -- any registered personality id: no CHECK on purpose
  message_type TEXT NOT NULL,
  message      TEXT NOT NULL,
  habit_id     TEXT,
  goal_id      TEXT,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- beyond the seed: the event's identity (at most one message per key and user), the facts it
  -- stated, and who wrote it (a template or a language model)
  event_key    TEXT,
  facts        JSONB,
  source       TEXT NOT NULL DEFAULT 'template',
  CONSTRAINT ai_messages_habit_fk FOREIGN KEY (user_id, habit_id)
    REFERENCES habits (user_id, id) ON DELETE SET NULL (habit_id),
  CONSTRAINT ai_messages_goal_fk FOREIGN KEY (user_id, goal_id)
    REFERENCES goals (user_id, id) ON DELETE SET NULL (goal_id),
  CONSTRAINT ai_messages_type_check CHECK (message_type IN
    ('habit_complete', 'habit_fail', 'streak', 'goal_complete', 'weekly_analysis', 'chat')),
  CONSTRAINT ai_messages_source_check CHECK (source IN ('template', 'model')),
  CONSTRAINT ai_messages_personality_not_blank CHECK (length(btrim(personality)) > 0)
);
CREATE INDEX ai_messages_user_id_idx ON ai_messages (user_id);
CREATE INDEX ai_messages_type_idx ON ai_messages (message_type);
CREATE UNIQUE INDEX ai_messages_event_key_idx ON ai_messages (user_id, event_key) WHERE event_key IS NOT NULL;
CREATE INDEX ai_messages_user_created_idx ON ai_messages (user_id, created_at DESC);

CREATE TABLE chat_conversations (
  id         TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title      TEXT,
  status     TEXT NOT NULL DEFAULT 'active',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT chat_conversations_user_id_id_unique UNIQUE (user_id, id),
  CONSTRAINT chat_conversations_status_check CHECK (status IN ('active', 'archived'))
);
CREATE INDEX chat_conversations_user_id_idx ON chat_conversations (user_id);

CREATE TABLE chat_messages (
  id              TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  conversation_id TEXT NOT NULL,
  role            TEXT NOT NULL,
  content         TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  user_id         TEXT NOT NULL,       -- beyond the seed: the owner, kept equal to the conversation's
  CONSTRAINT chat_messages_conversation_fk FOREIGN KEY (user_id, conversation_id)
    REFERENCES chat_conversations (user_id, id) ON DELETE CASCADE,
  CONSTRAINT chat_messages_role_check CHECK (role IN ('user', 'assistant'))
);
CREATE INDEX chat_messages_conversation_id_idx ON chat_messages (conversation_id);

CREATE TABLE analytics_events (
  id         TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  event_name TEXT NOT NULL,
  event_data JSONB,
  user_agent TEXT,
  ip_address TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX analytics_events_user_id_idx ON analytics_events (user_id);
CREATE INDEX analytics_events_event_name_idx ON analytics_events (event_name);
CREATE INDEX analytics_events_created_at_idx ON analytics_events (created_at);

-- Owner columns of child tables may never change: they are the distribution key on Citus and
-- the isolation key everywhere.
CREATE FUNCTION habitcoach_forbid_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    RAISE EXCEPTION 'user_id of % may not change', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER habits_owner_fixed BEFORE UPDATE OF user_id ON habits
  FOR EACH ROW EXECUTE FUNCTION habitcoach_forbid_owner_change();
CREATE TRIGGER goals_owner_fixed BEFORE UPDATE OF user_id ON goals
  FOR EACH ROW EXECUTE FUNCTION habitcoach_forbid_owner_change();
CREATE TRIGGER chat_conversations_owner_fixed BEFORE UPDATE OF user_id ON chat_conversations
  FOR EACH ROW EXECUTE FUNCTION habitcoach_forbid_owner_change();
