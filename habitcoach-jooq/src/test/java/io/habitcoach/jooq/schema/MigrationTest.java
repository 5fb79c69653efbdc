package io.habitcoach.jooq.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** {@link HabitCoach#migrate()} builds the schema on an empty database and is safe on every start. */
class MigrationTest {

    @Test
    void migrateTwiceChangesNothingTheSecondTime() {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty()) {
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).load();
            DSLContext dsl = DSL.using(db.dataSource(), SQLDialect.POSTGRES);

            coach.migrate();
            List<String> afterFirst = catalog(dsl);
            int historyRows = dsl.fetchCount(DSL.table(HabitCoach.SCHEMA_HISTORY_TABLE));
            coach.migrate();

            assertThat(afterFirst).contains("habits.current_streak", "habit_completions.completed_date");
            assertThat(catalog(dsl)).isEqualTo(afterFirst);
            assertThat(dsl.fetchCount(DSL.table(HabitCoach.SCHEMA_HISTORY_TABLE))).isEqualTo(historyRows);
        }
    }

    @Test
    void migrateRunsEveryMigrationBesideAHostsOwnTablesAndLeavesThemAlone() {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty()) {
            DSLContext dsl = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            dsl.execute("CREATE TABLE host_orders (id INT PRIMARY KEY, note TEXT)");
            dsl.execute("INSERT INTO host_orders VALUES (1, 'keep me')");

            HabitCoach.configure().dataSource(db.dataSource()).load().migrate();

            assertThat(catalog(dsl)).contains("habits.current_streak", "host_orders.note");
            assertThat(dsl.fetchValue("SELECT note FROM host_orders WHERE id = 1")).isEqualTo("keep me");
        }
    }

    private static List<String> catalog(DSLContext dsl) {
        return dsl.resultQuery("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY 1""").fetch(0, String.class);
    }
}
