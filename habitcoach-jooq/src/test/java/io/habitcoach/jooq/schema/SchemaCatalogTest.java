package io.habitcoach.jooq.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migrated schema, read back from PostgreSQL's catalog, holds every table, column, default,
 * index, unique constraint and foreign key of the seed specification (with the deviations that
 * docs/schema.md lists: instants are timestamptz, completed_date and start_date are dates, ...).
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaCatalogTest {

    /** table column type nullable default-fragment ("-" for none). */
    private static final String SEED_COLUMNS = """
            users id text NO gen_random_uuid
            users email text NO -
            users password text YES -
            users email_verified timestamptz YES -
            users name text YES -
            users image text YES -
            users selected_personality text NO 'yoda'
            users timezone text NO 'America/Sao_Paulo'
            users language text NO 'pt-BR'
            users plan text NO 'free'
            users subscription_status text YES -
            users subscription_id text YES -
            users subscription_expires_at timestamptz YES -
            users created_at timestamptz NO now()
            users updated_at timestamptz NO now()
            users deleted_at timestamptz YES -
            sessions id text NO gen_random_uuid
            sessions user_id text NO -
            sessions token text NO -
            sessions user_agent text YES -
            sessions ip_address text YES -
            sessions expires_at timestamptz NO -
            sessions created_at timestamptz NO now()
            accounts id text NO gen_random_uuid
            accounts user_id text NO -
            accounts provider text NO -
            accounts provider_account_id text NO -
            accounts refresh_token text YES -
            accounts access_token text YES -
            accounts token_expiry timestamptz YES -
            accounts created_at timestamptz NO now()
            habits id text NO gen_random_uuid
            habits user_id text NO -
            habits name text NO -
            habits description text YES -
            habits frequency text NO -
            habits specific_days jsonb YES -
            habits times_per_week int4 YES -
            habits preferred_time text YES -
            habits reminder_enabled bool NO false
            habits current_streak int4 NO 0
            habits longest_streak int4 NO 0
            habits total_completed int4 NO 0
            habits status text NO 'active'
            habits created_at timestamptz NO now()
            habits updated_at timestamptz NO now()
            habits completed_last_at date YES -
            habit_completions id text NO gen_random_uuid
            habit_completions habit_id text NO -
            habit_completions completed_date date NO -
            habit_completions notes text YES -
            habit_completions created_at timestamptz NO now()
            habit_completions updated_at timestamptz NO now()
            goals id text NO gen_random_uuid
            goals user_id text NO -
            goals title text NO -
            goals description text YES -
            goals category text NO -
            goals start_date date NO CURRENT_DATE
            goals deadline date YES -
            goals total_subtasks int4 NO 0
            goals completed_subtasks int4 NO 0
            goals status text NO 'active'
            goals completed_at timestamptz YES -
            goals created_at timestamptz NO now()
            goals updated_at timestamptz NO now()
            goal_subtasks id text NO gen_random_uuid
            goal_subtasks goal_id text NO -
            goal_subtasks title text NO -
            goal_subtasks description text YES -
            goal_subtasks estimated_days int4 YES -
            goal_subtasks success_criteria text YES -
            goal_subtasks order int4 NO 0
            goal_subtasks status text NO 'pending'
            goal_subtasks completed_at timestamptz YES -
            goal_subtasks created_at timestamptz NO now()
            goal_subtasks updated_at timestamptz NO now()
            ai_messages id text NO gen_random_uuid
            ai_messages user_id text NO -
            ai_messages personality text NO -
            ai_messages message_type text NO -
            ai_messages message text NO -
            ai_messages habit_id text YES -
            ai_messages goal_id text YES -
            ai_messages created_at timestamptz NO now()
            chat_conversations id text NO gen_random_uuid
            chat_conversations user_id text NO -
            chat_conversations title text YES -
            chat_conversations status text NO 'active'
            chat_conversations created_at timestamptz NO now()
            chat_conversations updated_at timestamptz NO now()
            chat_messages id text NO gen_random_uuid
            chat_messages conversation_id text NO -
            chat_messages role text NO -
            chat_messages content text NO -
            chat_messages created_at timestamptz NO now()
            analytics_events id text NO gen_random_uuid
            analytics_events user_id text NO -
            analytics_events event_name text NO -
            analytics_events event_data jsonb YES -
            analytics_events user_agent text YES -
            analytics_events ip_address text YES -
            analytics_events created_at timestamptz NO now()
            """;

    /**
     * index table columns, as the seed names them; since V6 (issue 16, docs/scale-out.md) the
     * seed's user_id indexes are the primary keys (user_id, id) and the email index is the
     * primary key of the global lookup table user_emails. V12 dropped habits_status_idx and
     * ai_messages_type_idx: no statement reads them and every write pays for them (docs/schema.md).
     */
    private static final String SEED_INDEXES = """
            user_emails_pkey user_emails email
            habits_pkey habits user_id,id
            habit_completions_habit_id_idx habit_completions habit_id
            habit_completions_date_idx habit_completions completed_date
            goals_pkey goals user_id,id
            goals_status_idx goals status
            goal_subtasks_goal_id_idx goal_subtasks goal_id
            goal_subtasks_status_idx goal_subtasks status
            ai_messages_pkey ai_messages user_id,id
            chat_conversations_pkey chat_conversations user_id,id
            chat_messages_conversation_id_idx chat_messages conversation_id
            analytics_events_pkey analytics_events user_id,id
            analytics_events_event_name_idx analytics_events event_name
            """;

    /**
     * table columns of every unique constraint (or primary key) of the seed; since V6 each contains
     * the owner (V8: one entry per habit and day is the partitioned table's primary key), and the globally unique email and OAuth login are the keys of lookup tables.
     */
    private static final List<String> SEED_UNIQUES = List.of(
            "user_emails email", "account_logins provider_account_id,provider", "sessions user_id,token",
            "accounts user_id,provider", "habit_completions user_id,habit_id,completed_date");

    /** child-table child-column -> parent-table on-delete-rule, for every reference of the seed. */
    private static final String SEED_FOREIGN_KEYS = """
            sessions user_id users CASCADE
            accounts user_id users CASCADE
            habits user_id users CASCADE
            habit_completions habit_id habits CASCADE
            goals user_id users CASCADE
            goal_subtasks goal_id goals CASCADE
            ai_messages user_id users CASCADE
            ai_messages habit_id habits NO_ACTION
            ai_messages goal_id goals NO_ACTION
            chat_conversations user_id users CASCADE
            chat_messages conversation_id chat_conversations CASCADE
            analytics_events user_id users CASCADE
            """;

    private DSLContext dsl;

    @BeforeAll
    void connect(DataSource dataSource) {
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Test
    void everyTableOfTheSeedExists() {
        Set<String> tables = dsl.resultQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")
                .fetchSet(0, String.class);
        assertThat(tables).contains("users", "sessions", "accounts", "habits", "habit_completions", "goals",
                "goal_subtasks", "ai_messages", "chat_conversations", "chat_messages", "analytics_events");
    }

    @Test
    void everyColumnHasTheSeedsTypeNullabilityAndDefault() {
        Map<String, Record> columns = dsl.resultQuery("""
                SELECT c.table_name || '.' || c.column_name AS key, c.udt_name, c.is_nullable, c.column_default
                FROM information_schema.columns c
                WHERE c.table_schema = current_schema()""")
                .fetchMap(r -> r.get("key", String.class), r -> r);
        List<String> problems = new ArrayList<>();
        SEED_COLUMNS.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] p = line.split(" ", 5);
            Record column = columns.get(p[0] + "." + p[1]);
            if (column == null) {
                problems.add("missing column " + p[0] + "." + p[1]);
                return;
            }
            if (!p[2].equals(column.get("udt_name"))) {
                problems.add(p[0] + "." + p[1] + " has type " + column.get("udt_name") + ", expected " + p[2]);
            }
            if (!p[3].equals(column.get("is_nullable"))) {
                problems.add(p[0] + "." + p[1] + " nullable=" + column.get("is_nullable") + ", expected " + p[3]);
            }
            String actualDefault = column.get("column_default", String.class);
            if (p[4].equals("-") ? actualDefault != null : actualDefault == null || !actualDefault.contains(p[4])) {
                problems.add(p[0] + "." + p[1] + " default " + actualDefault + ", expected " + p[4]);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyIndexOfTheSeedExistsOnItsColumn() {
        Map<String, String> indexes = dsl.resultQuery("""
                SELECT i.relname AS index, t.relname || ' ' || string_agg(a.attname, ',' ORDER BY k.ord) AS target
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                GROUP BY i.relname, t.relname""")
                .fetchMap(r -> r.get(0, String.class), r -> r.get(1, String.class));
        SEED_INDEXES.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] p = line.split(" ");
            assertThat(indexes).as("index " + p[0]).containsEntry(p[0], p[1] + " " + p[2]);
        });
    }

    @Test
    void noTableHasTwoIndexesOnTheSameColumns() {
        // a duplicate costs every write and serves no read (V12 dropped the V1 ones); partial and
        // expression indexes are compared with their predicate and expressions
        List<String> duplicates = dsl.resultQuery("""
                SELECT t.relname || ': ' || string_agg(i.relname, ', ' ORDER BY i.relname)
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                WHERE NOT t.relispartition
                GROUP BY t.relname, x.indkey::text, x.indclass::text, coalesce(pg_get_expr(x.indexprs, x.indrelid), ''),
                         coalesce(pg_get_expr(x.indpred, x.indrelid), '')
                HAVING count(*) > 1""")
                .fetch(0, String.class);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void everyUniqueConstraintOfTheSeedExists() {
        Set<String> uniques = dsl.resultQuery("""
                SELECT t.relname || ' ' || string_agg(a.attname, ',' ORDER BY k.ord)
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                WHERE c.contype IN ('u', 'p')
                GROUP BY c.oid, t.relname""")
                .fetchSet(0, String.class);
        assertThat(uniques).containsAll(SEED_UNIQUES);
    }

    @Test
    void everyForeignKeyOfTheSeedReferencesItsParentWithTheSeedsDeleteRule() {
        // child column -> parent table and rule; composite keys (user_id, habit_id) are read per column
        List<String> actual = dsl.resultQuery("""
                SELECT t.relname AS child, a.attname AS col, p.relname AS parent,
                       CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET_NULL' WHEN 'a' THEN 'NO_ACTION'
                                          WHEN 'r' THEN 'RESTRICT' ELSE 'OTHER' END AS rule,
                       c.confdelsetcols IS NOT NULL AND NOT (a.attnum = ANY (c.confdelsetcols)) AS col_untouched
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_class p ON p.oid = c.confrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                CROSS JOIN LATERAL unnest(c.conkey) AS k(attnum)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                WHERE c.contype = 'f'""")
                .fetch(r -> r.get("child") + " " + r.get("col") + " " + r.get("parent") + " "
                        + (Boolean.TRUE.equals(r.get("col_untouched")) ? "UNTOUCHED" : r.get("rule")));
        Set<String> expected = SEED_FOREIGN_KEYS.lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.toSet());
        assertThat(actual).containsAll(expected);
    }

    @Test
    void timestampsAreInstantsAndNoColumnIsAPlainTimestamp() {
        List<String> plain = dsl.resultQuery("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND udt_name = 'timestamp'
                  AND table_name <> 'habitcoach_schema_history'""")
                .fetch(0, String.class);
        assertThat(plain).isEmpty();
    }
}
