-- Runs after every migrate() (Flyway callback), also when no migration was pending. On plain
-- PostgreSQL it does nothing. In a database with the citus extension it distributes the schema by
-- user (docs/scale-out.md), idempotently and generically, so that tables of later migrations are
-- distributed too:
--   * the global lookup tables by their own key, each in its own colocation group;
--   * users by id, and every other table of this schema with a user_id column by user_id,
--     colocated with users (partitioned parents with their partitions; partitions themselves are
--     distributed with their parent), in foreign-key order;
--   * tables already distributed are left as they are.
-- Owner-fixed triggers (habitcoach_forbid_owner_change) are dropped first: Citus refuses triggers
-- on distributed tables, and it refuses an update of the distribution column itself, which is
-- the rule those triggers enforce. Any other trigger on a table to distribute stops the step with
-- an error naming it, rather than being dropped or run unsafely.
DO $distribute$
DECLARE
  lookups  CONSTANT text[][] := ARRAY[['user_emails', 'email'], ['account_logins', 'provider_account_id']];
  schema   CONSTANT name := current_schema();
  pending  regclass[];
  ready    regclass[];
  tbl      regclass;
  users    regclass;
  trg      record;
  i        int;
BEGIN
  -- no citus, or a schema older than V6 (a migrate() with a target below it) that Citus could not
  -- distribute: nothing to do
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')
     OR to_regclass(format('%I.%I', schema, 'user_emails')) IS NULL THEN
    RETURN;
  END IF;

  FOR i IN 1 .. array_length(lookups, 1) LOOP
    tbl := to_regclass(format('%I.%I', schema, lookups[i][1]));
    IF tbl IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = tbl) THEN
      PERFORM create_distributed_table(tbl, lookups[i][2], colocate_with => 'none');
    END IF;
  END LOOP;

  -- users, then every not yet distributed table of this schema with a user_id column
  SELECT array_agg(c.oid::regclass) INTO pending
  FROM pg_class c
  WHERE c.relnamespace = schema::regnamespace
    AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND (c.relname = 'users' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                        AND a.attname = 'user_id' AND NOT a.attisdropped))
    AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid);
  IF pending IS NULL THEN
    RETURN;
  END IF;
  users := to_regclass(format('%I.%I', schema, 'users'));

  FOR trg IN SELECT t.tgname, t.tgrelid::regclass AS rel, p.proname
             FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
             WHERE t.tgrelid = ANY (pending) AND NOT t.tgisinternal LOOP
    IF trg.proname = 'habitcoach_forbid_owner_change' THEN
      EXECUTE format('DROP TRIGGER %I ON %s', trg.tgname, trg.rel);
    ELSE
      RAISE EXCEPTION 'cannot distribute %: trigger % (function %) is not supported on Citus',
        trg.rel, trg.tgname, trg.proname USING HINT = 'see docs/scale-out.md';
    END IF;
  END LOOP;

  -- foreign-key order: a table is distributed once every table it references is
  WHILE array_length(pending, 1) > 0 LOOP
    SELECT array_agg(t) INTO ready
    FROM unnest(pending) AS t
    WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k
                      WHERE k.conrelid = t AND k.contype = 'f' AND k.confrelid <> t
                        AND k.confrelid = ANY (pending));
    IF ready IS NULL THEN
      RAISE EXCEPTION 'cannot order the distribution of % by their foreign keys', pending;
    END IF;
    -- users first: the others are colocated with it
    FOR tbl IN SELECT t FROM unnest(ready) AS t ORDER BY t IS DISTINCT FROM users LOOP
      IF tbl = users THEN
        PERFORM create_distributed_table(tbl, 'id');
      ELSE
        PERFORM create_distributed_table(tbl, 'user_id', colocate_with => users::text);
      END IF;
    END LOOP;
    pending := ARRAY(SELECT t FROM unnest(pending) AS t WHERE t <> ALL (ready));
  END LOOP;
END
$distribute$;
