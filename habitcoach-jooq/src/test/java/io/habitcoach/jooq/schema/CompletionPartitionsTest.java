package io.habitcoach.jooq.schema;

import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17: habit_completions is range-partitioned by completed_date (V8), one partition per year
 * plus a DEFAULT one; partitions are kept ahead by migrate() and jobs().ensureCompletionPartitions();
 * the reads of entries prune partitions (their EXPLAIN ANALYZE is printed and checked).
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CompletionPartitionsTest {

    // Wednesday 2026-03-11, 13:00 UTC
    private final MutableClock clock = MutableClock.at("2026-03-11T13:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    private static final Pattern SCAN = Pattern.compile("on (habit_completions_(?:y\\d{4}|default))");
    private final List<String> statements = new ArrayList<>();
    private HabitCoach coach;
    private DSLContext sql;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> statements.add(
                        ctx.query() != null ? ctx.query().getSQL(ParamType.INLINED) : ctx.sql())))
                .load();
        coach.migrate();
        sql = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Test
    void habitCompletionsIsPartitionedByYearWithADefaultAndMigrateCreatesTheClocksYears() {
        assertThat(sql.fetchValue("SELECT relkind::text FROM pg_class WHERE oid = 'habit_completions'::regclass"))
                .isEqualTo("p");
        assertThat(sql.fetchValue("SELECT pg_get_partkeydef('habit_completions'::regclass)"))
                .isEqualTo("RANGE (completed_date)");
        assertThat(partitions()).contains("habit_completions_default", "habit_completions_y2025",
                "habit_completions_y2026", "habit_completions_y2027");
        assertThat(sql.fetchValue("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'habit_completions_y2026'"
                + " AND relnamespace = current_schema()::regnamespace"))
                .isEqualTo("FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");

        // a clock in another year: migrate() creates the partitions around it
        HabitCoach later = HabitCoach.configure().dataSource(sqlDataSource()).clock(MutableClock.at("2031-06-01T00:00:00Z"))
                .load();
        later.migrate();
        assertThat(partitions()).contains("habit_completions_y2030", "habit_completions_y2031", "habit_completions_y2032");
        // no trigger on the table or its partitions (Citus refuses them; docs/scale-out.md)
        assertThat(count(sql, "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                + "WHERE c.relname LIKE 'habit_completions%' AND c.relnamespace = current_schema()::regnamespace"
                + " AND NOT t.tgisinternal")).isZero();
    }

    @Test
    void theJobKeepsPartitionsAheadAndMovesRowsOutOfTheDefaultPartition() {
        String user = newUser();
        Habit habit = newHabit(user);
        // a date no partition covers yet: it lands in DEFAULT, it does not fail
        LocalDate far = LocalDate.of(2040, 5, 5);
        insertEntry(user, habit.id(), far);
        assertThat(partitionOf(user, far)).isEqualTo("habit_completions_default");

        int created = coach.jobs().ensureCompletionPartitions(Instant.parse("2040-01-15T00:00:00Z"));

        assertThat(created).isEqualTo(3);   // 2039, 2040, 2041
        assertThat(partitionOf(user, far)).isEqualTo("habit_completions_y2040");
        assertThat(sql.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.USER_ID.eq(user))).isEqualTo(1);
        assertThat(coach.jobs().ensureCompletionPartitions(Instant.parse("2040-06-15T00:00:00Z"))).isZero();
        // the unique key still holds across the move
        assertThat(count(sql, "SELECT count(*) FROM habit_completions_default")).isZero();
    }

    @Test
    void aPerUserReadOfTheLastThirtyDaysTouchesOneOrTwoPartitions() {
        // partitions for 2019 .. 2027, and entries in each of them
        for (int year = 2020; year <= 2026; year += 2) {
            coach.jobs().ensureCompletionPartitions(Instant.parse(year + "-06-01T00:00:00Z"));
        }
        String user = newUser();
        Habit habit = newHabit(user);
        for (int year = 2019; year <= 2025; year++) {
            insertEntry(user, habit.id(), LocalDate.of(year, 7, 1));
        }
        coach.habits().complete(user, habit.id(), TODAY);
        coach.habits().complete(user, habit.id(), TODAY.minusDays(2));
        sql.execute("ANALYZE habit_completions");
        assertThat(partitions()).hasSizeGreaterThanOrEqualTo(10);

        statements.clear();
        assertThat(coach.habits().recentCompletions(user, habit.id(), 30)).hasSize(2);
        assertPrunes("recentCompletions(30 days)", lastStatementOn("habit_completions"), 1, 2);

        // early January: the 30 days span two years, so two partitions
        clock.set("2026-01-10T12:00:00Z");
        statements.clear();
        coach.habits().recentCompletions(user, habit.id(), 30);
        assertPrunes("recentCompletions(30 days) on 10 January", lastStatementOn("habit_completions"), 2, 2);
        clock.set("2026-03-11T13:00:00Z");

        statements.clear();
        assertThat(coach.dashboards().dashboard(user).habits()).hasSize(1);
        assertPrunes("dashboard", lastStatementOn("habit_completions"), 1, 2);

        statements.clear();
        coach.dashboards().weeklySummary(user);
        assertPrunes("weeklySummary", lastStatementOn("habit_completions"), 1, 2);
    }

    @Test
    void anInstallationWithEntriesIsMigratedInPlaceIntoYearlyPartitions() {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty()) {
            Flyway.configure().dataSource(db.dataSource()).locations(HabitCoach.MIGRATIONS_LOCATION)
                    .table(HabitCoach.SCHEMA_HISTORY_TABLE).target("5").load().migrate();
            DSLContext old = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            old.execute("INSERT INTO users (id, email) VALUES ('u1', 'u1@example.com')");
            old.execute("INSERT INTO habits (id, user_id, name, frequency) VALUES ('h1', 'u1', 'Run', 'daily')");
            old.execute("""
                    INSERT INTO habit_completions (id, habit_id, completed_date, user_id, kind, notes) VALUES
                      ('c1', 'h1', '2019-06-01', 'u1', 'done', 'old'),
                      ('c2', 'h1', '1990-01-01', 'u1', 'skipped', NULL),
                      ('c3', 'h1', '2026-03-01', 'u1', 'done', NULL)""");

            HabitCoach upgraded = HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load();
            upgraded.migrate();

            DSLContext now = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            Map<String, String> placed = now.resultQuery(
                    "SELECT id, tableoid::regclass::text FROM habit_completions").fetchMap(r -> r.get(0, String.class),
                    r -> partitionName(r.get(1, String.class)));
            assertThat(placed).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "c1", "habit_completions_y2019",       // every year from the oldest entry (20 years at most)
                    "c2", "habit_completions_default",     // older than that: DEFAULT
                    "c3", "habit_completions_y2026"));
            assertThat(now.fetchValue("SELECT notes FROM habit_completions WHERE id = 'c1'")).isEqualTo("old");
            // the natural key is the primary key; the old table is gone
            assertThat(now.fetchValue("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = 'habit_completions'::regclass AND contype = 'p'"))
                    .isEqualTo("PRIMARY KEY (user_id, habit_id, completed_date)");
            assertThat(count(now, "SELECT count(*) FROM pg_class WHERE relname = 'habit_completions_partitioned'"
                    + " AND relnamespace = current_schema()::regnamespace")).isZero();
        }
    }

    // --- helpers ---

    private void assertPrunes(String what, String statement, int min, int max) {
        List<String> plan = sql.resultQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + statement)
                .fetch(0, String.class);
        System.out.println("EXPLAIN ANALYZE of " + what + ":\n  " + String.join("\n  ", plan));
        Set<String> touched = new TreeSet<>();
        for (String line : plan) {
            Matcher m = SCAN.matcher(line);
            if (m.find() && !line.contains("never executed")) {
                touched.add(m.group(1));
            }
        }
        assertThat(touched).as(what + " touches " + touched).hasSizeBetween(min, max);
    }

    private String lastStatementOn(String table) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            String s = statements.get(i);
            if (s.contains(table) && s.trim().toLowerCase().matches("(?s)^(select|with).*")) {
                return s;
            }
        }
        throw new AssertionError("no statement read " + table + " among " + statements);
    }

    private static int count(DSLContext dsl, String query) {
        return dsl.resultQuery(query).fetchOne(0, Integer.class);
    }

    private Set<String> partitions() {
        return new TreeSet<>(sql.fetch("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'habit_completions'::regclass").getValues(0, String.class));
    }

    private String partitionOf(String user, LocalDate day) {
        String table = sql.resultQuery("SELECT tableoid::regclass::text FROM habit_completions WHERE user_id = ? AND completed_date = ?",
                user, day).fetchOne(0, String.class);
        return partitionName(table);
    }

    /** On Citus a row comes from a shard of its partition, named schema.partition_shardid: the partition's name. */
    private static String partitionName(String table) {
        return io.habitcoach.testkit.HabitCoachTestDatabase.citus()
                ? table.replaceFirst("^[^.]*\\.", "").replaceFirst("_\\d+$", "") : table;
    }

    private void insertEntry(String user, String habit, LocalDate day) {
        sql.insertInto(HABIT_COMPLETIONS).set(HABIT_COMPLETIONS.ID, UUID.randomUUID().toString())
                .set(HABIT_COMPLETIONS.USER_ID, user).set(HABIT_COMPLETIONS.HABIT_ID, habit)
                .set(HABIT_COMPLETIONS.COMPLETED_DATE, day).execute();
    }

    private String newUser() {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private Habit newHabit(String user) {
        return coach.habits().create(user, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
    }

    private DataSource sqlDataSource() {
        return sql.configuration().connectionProvider() instanceof org.jooq.impl.DataSourceConnectionProvider p
                ? p.dataSource() : null;
    }
}
