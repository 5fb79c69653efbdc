-- Habit Coach schema, version 6: a schema Citus can distribute by user (issue 16), valid on plain
-- PostgreSQL as well: one schema, one set of SQL, on both engines. docs/scale-out.md explains each
-- change; afterMigrate.sql distributes the tables when the database has the citus extension.
--
-- Citus requires every primary key and unique constraint of a table distributed by user_id to
-- contain user_id, refuses triggers on distributed tables, and refuses ON DELETE SET NULL on a
-- foreign key that contains the distribution column.

---------------------------------------------------------------------------------------------------
-- Primary keys contain the owner. Ids stay random UUIDs; (user_id, id) is what every per-user
-- statement filters by, so jOOQ's record updates (by primary key) are router queries on Citus.
---------------------------------------------------------------------------------------------------
ALTER TABLE sessions DROP CONSTRAINT sessions_pkey, ADD CONSTRAINT sessions_pkey PRIMARY KEY (user_id, id);
ALTER TABLE accounts DROP CONSTRAINT accounts_pkey, ADD CONSTRAINT accounts_pkey PRIMARY KEY (user_id, id);
ALTER TABLE habits DROP CONSTRAINT habits_pkey, ADD CONSTRAINT habits_pkey PRIMARY KEY (user_id, id);
ALTER TABLE habit_completions DROP CONSTRAINT habit_completions_pkey,
  ADD CONSTRAINT habit_completions_pkey PRIMARY KEY (user_id, id);
ALTER TABLE habit_pauses DROP CONSTRAINT habit_pauses_pkey, ADD CONSTRAINT habit_pauses_pkey PRIMARY KEY (user_id, id);
ALTER TABLE goals DROP CONSTRAINT goals_pkey, ADD CONSTRAINT goals_pkey PRIMARY KEY (user_id, id);
ALTER TABLE goal_subtasks DROP CONSTRAINT goal_subtasks_pkey, ADD CONSTRAINT goal_subtasks_pkey PRIMARY KEY (user_id, id);
ALTER TABLE ai_messages DROP CONSTRAINT ai_messages_pkey, ADD CONSTRAINT ai_messages_pkey PRIMARY KEY (user_id, id);
ALTER TABLE chat_conversations DROP CONSTRAINT chat_conversations_pkey,
  ADD CONSTRAINT chat_conversations_pkey PRIMARY KEY (user_id, id);
ALTER TABLE chat_messages DROP CONSTRAINT chat_messages_pkey, ADD CONSTRAINT chat_messages_pkey PRIMARY KEY (user_id, id);
ALTER TABLE analytics_events DROP CONSTRAINT analytics_events_pkey,
  ADD CONSTRAINT analytics_events_pkey PRIMARY KEY (user_id, id);
-- the user_id indexes these primary keys now start with
DROP INDEX sessions_user_id_idx, habits_user_id_idx, goals_user_id_idx, ai_messages_user_id_idx,
  chat_conversations_user_id_idx, analytics_events_user_id_idx, goal_subtasks_user_id_idx,
  habit_pauses_user_id_idx, chat_messages_user_id_idx;

-- One entry per habit and day, and one open pause per habit: per owner (a habit has one owner).
ALTER TABLE habit_completions DROP CONSTRAINT habit_completions_habit_date_unique,
  ADD CONSTRAINT habit_completions_habit_date_unique UNIQUE (user_id, habit_id, completed_date);
DROP INDEX habit_pauses_one_open_idx;
CREATE UNIQUE INDEX habit_pauses_one_open_idx ON habit_pauses (user_id, habit_id) WHERE resumed_on IS NULL;

---------------------------------------------------------------------------------------------------
-- Global lookups: a user by email, a user by OAuth login. Each is a small table keyed (and, on
-- Citus, distributed) by the looked-up value, so that the key is unique across the cluster and a
-- lookup reads one shard. The services write it in the same transaction as the user's own row.
-- No foreign key to users: on Citus the two live on different shards (docs/scale-out.md).
---------------------------------------------------------------------------------------------------
CREATE TABLE user_emails (
  email   TEXT PRIMARY KEY,        -- trimmed and lower-cased, as users.email
  user_id TEXT NOT NULL
);
INSERT INTO user_emails (email, user_id) SELECT email, id FROM users;
ALTER TABLE users DROP CONSTRAINT users_email_unique;
DROP INDEX users_email_idx;

CREATE TABLE account_logins (
  provider            TEXT NOT NULL,
  provider_account_id TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  CONSTRAINT account_logins_pkey PRIMARY KEY (provider_account_id, provider)
);
INSERT INTO account_logins (provider, provider_account_id, user_id)
  SELECT provider, provider_account_id, user_id FROM accounts;
ALTER TABLE accounts DROP CONSTRAINT accounts_provider_account_unique;

-- Session tokens issued from now on carry their user's id (SessionService), so that validation
-- reads one user's rows; the hash is unique per user, and a 256-bit secret makes it unique
-- everywhere. Tokens issued before carry no id and are looked up by hash alone (this index).
ALTER TABLE sessions DROP CONSTRAINT sessions_token_unique,
  ADD CONSTRAINT sessions_token_unique UNIQUE (user_id, token);
CREATE INDEX sessions_token_idx ON sessions (token);

---------------------------------------------------------------------------------------------------
-- ai_messages.habit_id / goal_id: ON DELETE SET NULL (habit_id) cannot be distributed. No service
-- deletes a habit or goal on its own (they are archived; a user's purge deletes the messages too),
-- so the references now simply must stay valid; a future deletion clears them first, in the same
-- transaction.
---------------------------------------------------------------------------------------------------
ALTER TABLE ai_messages DROP CONSTRAINT ai_messages_habit_fk,
  ADD CONSTRAINT ai_messages_habit_fk FOREIGN KEY (user_id, habit_id) REFERENCES habits (user_id, id);
ALTER TABLE ai_messages DROP CONSTRAINT ai_messages_goal_fk,
  ADD CONSTRAINT ai_messages_goal_fk FOREIGN KEY (user_id, goal_id) REFERENCES goals (user_id, id);

---------------------------------------------------------------------------------------------------
-- The owner's zone on each habit (V4) is written by the services (a habit's insert reads its
-- owner's zone, a zone change updates the owner's habits in the same statement), no longer by
-- triggers: both statements touch one user's rows only, which a trigger on Citus cannot promise.
---------------------------------------------------------------------------------------------------
DROP TRIGGER habits_user_timezone ON habits;
DROP TRIGGER users_timezone_to_habits ON users;
DROP FUNCTION habitcoach_habit_user_timezone();
DROP FUNCTION habitcoach_user_timezone_changed();

---------------------------------------------------------------------------------------------------
-- Search documents (V4) become stored generated columns, which Citus computes on the shards. They
-- are recomputed on every update of the row (a habit's on every completion): a few microseconds
-- for a short name and description, and the value is unchanged, so the update stays HOT.
---------------------------------------------------------------------------------------------------
DROP TRIGGER habits_search_document ON habits;
DROP TRIGGER goals_search_document ON goals;
DROP TRIGGER goal_subtasks_search_document ON goal_subtasks;
DROP FUNCTION habitcoach_search_document_refresh();
ALTER TABLE habits DROP COLUMN search_document;
ALTER TABLE goals DROP COLUMN search_document;
ALTER TABLE goal_subtasks DROP COLUMN search_document;
ALTER TABLE habits ADD COLUMN search_document tsvector
  GENERATED ALWAYS AS (habitcoach_search_document(name, description)) STORED;
ALTER TABLE goals ADD COLUMN search_document tsvector
  GENERATED ALWAYS AS (habitcoach_search_document(title, description)) STORED;
ALTER TABLE goal_subtasks ADD COLUMN search_document tsvector
  GENERATED ALWAYS AS (habitcoach_search_document(title, description)) STORED;
CREATE INDEX habits_search_idx ON habits USING gin (search_document);
CREATE INDEX goals_search_idx ON goals USING gin (search_document);
CREATE INDEX goal_subtasks_search_idx ON goal_subtasks USING gin (search_document);

---------------------------------------------------------------------------------------------------
-- habitcoach_local_instant (V4) calls habitcoach_local_instant_dst by the schema it lives in: on
-- Citus it runs on the workers, whose sessions do not have this schema on their search_path (and
-- a SET search_path clause would keep PostgreSQL from inlining it into the reminder query).
---------------------------------------------------------------------------------------------------
DO $migration$
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION habitcoach_local_instant(local_time timestamp, zone text) RETURNS timestamptz
      LANGUAGE sql STABLE PARALLEL SAFE AS $body$
      SELECT CASE
               WHEN ((local_time AT TIME ZONE zone) AT TIME ZONE zone) = local_time
                AND ((local_time AT TIME ZONE zone) AT TIME ZONE zone) - (local_time AT TIME ZONE zone AT TIME ZONE 'UTC')
                  = (((local_time AT TIME ZONE zone) - interval '1 day') AT TIME ZONE zone)
                    - (((local_time AT TIME ZONE zone) - interval '1 day') AT TIME ZONE 'UTC')
               THEN local_time AT TIME ZONE zone
               ELSE %I.habitcoach_local_instant_dst(local_time, zone)
             END
    $body$$f$, current_schema());
END
$migration$;
