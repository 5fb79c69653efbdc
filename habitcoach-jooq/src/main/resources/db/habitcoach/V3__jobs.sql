-- Habit Coach schema, version 3: what the coach jobs (issue 6) read.
-- The weekly analysis and the missed-period sweep read many habits' entries at once. The unique
-- index on (habit_id, completed_date) answers "which days have an entry" from the index alone
-- (an index-only scan, no visit to the table's pages, on which one habit's rows lie scattered);
-- this small partial index answers "which of them are skipped" the same way. Skips are rare, so
-- it stays small and costs little on writes.
CREATE INDEX habit_completions_skipped_idx ON habit_completions (habit_id, completed_date) WHERE kind = 'skipped';
