-- Habit Coach schema, version 2: indexes for the privacy and analytics services (issue 7).
-- Export, purge and "nothing remains" read every table by user_id; these three child tables had
-- no index that starts with user_id, so each of those reads would scan the whole table.
CREATE INDEX goal_subtasks_user_id_idx ON goal_subtasks (user_id);
CREATE INDEX habit_pauses_user_id_idx ON habit_pauses (user_id);
CREATE INDEX chat_messages_user_id_idx ON chat_messages (user_id);

-- The retention job looks for users soft-deleted before a cut-off; only those rows are indexed.
CREATE INDEX users_deleted_at_idx ON users (deleted_at) WHERE deleted_at IS NOT NULL;

-- Counts of one user's events in a time range.
CREATE INDEX analytics_events_user_created_idx ON analytics_events (user_id, created_at);
