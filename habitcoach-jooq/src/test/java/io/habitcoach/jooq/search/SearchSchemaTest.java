package io.habitcoach.jooq.search;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.reminders.DueReminder;
import io.habitcoach.jooq.users.NewUser;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migration V4 where the host keeps things elsewhere: the tables in a schema of their own (the
 * connection's current schema is {@code app}) and {@code unaccent} already created by the host in a
 * third schema that is not on the search path. The accent-folding wrapper must find the extension
 * there, and search and reminders must work.
 */
class SearchSchemaTest {

    @Test
    void worksWithTheTablesInTheirOwnSchemaAndUnaccentInAnother() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(HabitCoachTestDatabase.citus(), "on a Citus coordinator the test "
                + "databases are schemas of one database, whose unaccent already exists: this host layout needs a database of its own");
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty()) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA ext");
                s.execute("CREATE EXTENSION unaccent SCHEMA ext");
                s.execute("CREATE SCHEMA app");
            }
            PGSimpleDataSource app = new PGSimpleDataSource();
            String url = db.jdbcUrl();
            app.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=app");
            HabitCoach coach = HabitCoach.configure().dataSource(app)
                    .clock(new MutableClock(Instant.parse("2026-03-10T15:00:00Z"))).load();
            coach.migrate();

            String ana = coach.users().create(NewUser.builder().email("ana@example.com").build()).id();
            coach.habits().create(ana, NewHabit.builder().name("Cuidar da saúde").frequency(Frequency.daily())
                    .preferredTime(LocalTime.of(21, 0)).reminderEnabled(true).build());
            assertThat(coach.search().search(ana, "saude")).extracting(SearchHit::title)
                    .containsExactly("Cuidar da saúde");
            assertThat(coach.reminders().remindersDue(Instant.parse("2026-03-11T00:00:00Z"),
                    Instant.parse("2026-03-11T00:01:00Z"))).extracting(DueReminder::userId).containsExactly(ana);
            try (Connection c = app.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("""
                            SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'app' AND tablename = 'habits'),
                                   (SELECT count(*) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                                    WHERE e.extname = 'unaccent' AND n.nspname = 'ext')""")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
                assertThat(r.getInt(2)).isEqualTo(1);
            }
        }
    }
}
