-- Indexes every write pays for and no statement reads (issue 18, docs/schema.md "Indexes").
--
-- Since V6 the primary keys of habits, goals and chat_conversations are (user_id, id): the unique
-- constraints *_user_id_id_unique of V1, on the same columns, only duplicate them. The composite
-- foreign keys that reference (user_id, id) were bound to those constraints' indexes when they
-- were created, so each is dropped and created again with its own definition; it then binds to
-- the primary key. The sweep's claim (an update of each due habit that changes the indexed
-- next_check_at, so never a HOT update) wrote one index entry less per habit for each one dropped.
--
-- habits_status_idx (status) and ai_messages_type_idx (message_type), from the seed schema, serve
-- no statement of the library: every read of those tables filters by the owner first and uses the
-- primary key or a (user_id, ...) index. Three values each: an index no planner would choose for a
-- per-user query, written by every habit update and every coach message.
--
-- Generic over the foreign keys, so it runs unchanged on plain PostgreSQL and on a Citus cluster
-- (where the tables are distributed and colocated; the DDL propagates to the shards).
DO $rebind$
DECLARE
  dup  record;
  fk   record;
  keys text[];
  k    text;
BEGIN
  FOR dup IN
    SELECT k.conname, k.conrelid::regclass AS tbl, k.conindid
    FROM pg_constraint k
    JOIN pg_constraint pk ON pk.conrelid = k.conrelid AND pk.contype = 'p' AND pk.conkey = k.conkey
    WHERE k.connamespace = current_schema()::regnamespace AND k.contype = 'u'
      AND k.conname IN ('habits_user_id_id_unique', 'goals_user_id_id_unique', 'chat_conversations_user_id_id_unique')
  LOOP
    -- the keys are dropped first and created again after the duplicate is gone: created while it
    -- exists, a key would bind to it again (the older of two matching indexes)
    keys := '{}';
    FOR fk IN
      SELECT f.conname, f.conrelid::regclass AS tbl, pg_get_constraintdef(f.oid) AS def
      FROM pg_constraint f
      -- a partitioned table's own key (its partitions' copies follow it)
      WHERE f.contype = 'f' AND f.conindid = dup.conindid AND f.conparentid = 0
    LOOP
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
      keys := keys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.tbl, fk.conname, fk.def);
    END LOOP;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', dup.tbl, dup.conname);
    FOREACH k IN ARRAY keys LOOP
      EXECUTE k;
    END LOOP;
  END LOOP;
END
$rebind$;

DROP INDEX IF EXISTS habits_status_idx;
DROP INDEX IF EXISTS ai_messages_type_idx;
