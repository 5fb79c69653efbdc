package io.habitcoach.jooq.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.GoalVersion;
import io.habitcoach.jooq.habits.HabitVersion;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Issue 17: V9 gives every existing habit and goal one open version, equal to its row. */
class TemporalBackfillTest {

    @Test
    void existingHabitsAndGoalsGetOneOpenVersion() throws Exception {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty();
                Connection c = db.dataSource().getConnection()) {
            Flyway.configure().dataSource(db.dataSource()).locations(HabitCoach.MIGRATIONS_LOCATION)
                    .table(HabitCoach.SCHEMA_HISTORY_TABLE).target("5").load().migrate();
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO users (id, email, timezone, day_start) VALUES ('u1', 'a@example.com', 'Asia/Tokyo', '04:00');
                        INSERT INTO habits (id, user_id, name, description, frequency, specific_days, status,
                                            preferred_time, reminder_enabled, created_at)
                        VALUES ('h1', 'u1', 'Run', 'Park', 'specific_days', '["Monday", "Friday"]', 'paused', '06:30',
                                true, '2026-03-01T17:00:00Z');
                        INSERT INTO goals (id, user_id, title, category, start_date, status, created_at)
                        VALUES ('g1', 'u1', 'Marathon', 'health', '2026-03-01', 'completed', '2026-03-01T10:00:00Z');
                        """);
            }
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource())
                    .clock(MutableClock.at("2026-03-10T15:00:00Z")).load();
            coach.migrate();

            List<HabitVersion> habit = coach.habits().versions("u1", "h1");
            assertThat(habit).hasSize(1);
            HabitVersion v = habit.get(0);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.name()).isEqualTo("Run");
            assertThat(v.description()).isEqualTo("Park");
            assertThat(v.frequency()).isEqualTo(Frequency.specificDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
            assertThat(v.status()).isEqualTo(HabitStatus.PAUSED);
            assertThat(v.reminderEnabled()).isTrue();
            assertThat(v.validFrom().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-01T17:00:00Z").toInstant());
            assertThat(v.validTo()).isNull();
            // 02:00 on 2 March in Tokyo, before the user's 04:00 day start: still 1 March
            assertThat(v.scheduleFrom()).isEqualTo(LocalDate.of(2026, 3, 1));

            List<GoalVersion> goal = coach.goals().versions("u1", "g1");
            assertThat(goal).singleElement().satisfies(g -> {
                assertThat(g.title()).isEqualTo("Marathon");
                assertThat(g.status()).isEqualTo(GoalStatus.COMPLETED);
                assertThat(g.validTo()).isNull();
            });
        }
    }
}
