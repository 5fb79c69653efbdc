package io.habitcoach.jooq.schema;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.jobs.internal.DueInstants;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Migration V7 fills the due instants of existing rows with set-based SQL, as the Java code computes
 * them (PostgreSQL's zone database, here without DST, agrees); rows it cannot time are due at once.
 */
class DueInstantsMigrationTest {

    @Test
    void existingRowsGetTheirDueInstantsOrAreDueAtOnce() throws Exception {
        UserDay tokyo = UserDay.of("Asia/Tokyo", LocalTime.of(4, 0));
        Instant before = Instant.now();
        LocalDate nextDue = tokyo.dateOf(before).plusDays(2);
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty();
                Connection c = db.dataSource().getConnection()) {
            Flyway.configure().dataSource(db.dataSource()).locations(HabitCoach.MIGRATIONS_LOCATION)
                    .table(HabitCoach.SCHEMA_HISTORY_TABLE).target("5").load().migrate();
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO users (id, email, timezone, day_start, first_day_of_week, deleted_at) VALUES
                          ('u1', 'a@example.com', 'Asia/Tokyo', '04:00', 7, NULL),
                          ('u2', 'b@example.com', 'Mars/Olympus_Mons', '00:00', 1, NULL),
                          ('u3', 'c@example.com', 'Asia/Tokyo', '00:00', 1, now());
                        INSERT INTO habits (id, user_id, name, frequency, specific_days, times_per_week, status,
                                            current_streak, longest_streak, streak_next_due) VALUES
                          ('daily', 'u1', 'a', 'daily', NULL, NULL, 'active', 0, 0, NULL),
                          ('friday', 'u1', 'b', 'specific_days', '["Friday"]', NULL, 'active', 0, 0, NULL),
                          ('week', 'u1', 'c', 'per_week', NULL, 3, 'active', 0, 0, NULL),
                          ('archived', 'u1', 'd', 'daily', NULL, NULL, 'archived', 0, 0, NULL),
                          ('paused', 'u1', 'e', 'daily', NULL, NULL, 'paused', 3, 3, '%s'),
                          ('mars', 'u2', 'f', 'daily', NULL, NULL, 'active', 0, 0, NULL),
                          ('deleted', 'u3', 'g', 'daily', NULL, NULL, 'active', 0, 0, NULL);
                        """.formatted(nextDue));
            }
            HabitCoach.configure().dataSource(db.dataSource()).clock(MutableClock.at("2026-03-10T12:00:00Z")).load()
                    .migrate();
            Instant after = Instant.now();
            DSLContext dsl = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            Function<String, Instant> next = id -> {
                OffsetDateTime at = dsl.fetchSingle(HABITS, HABITS.ID.eq(id)).getNextCheckAt();
                return at == null ? null : at.toInstant();
            };
            for (var expected : new Object[][] {{"daily", Frequency.daily()},
                    {"friday", Frequency.specificDays(DayOfWeek.FRIDAY)}, {"week", Frequency.timesPerWeek(3)}}) {
                Schedule schedule = Schedule.of((Frequency) expected[1], DayOfWeek.SUNDAY);
                assertThat(next.apply((String) expected[0])).as((String) expected[0]).isIn(
                        DueInstants.nextCheck(HabitStatus.ACTIVE, schedule, 0, null, tokyo, before),
                        DueInstants.nextCheck(HabitStatus.ACTIVE, schedule, 0, null, tokyo, after));
            }
            assertThat(next.apply("archived")).isNull();
            assertThat(next.apply("paused")).isEqualTo(tokyo.startOf(nextDue.plusDays(1)));
            assertThat(next.apply("mars")).as("a zone PostgreSQL does not know: due at once")
                    .isEqualTo(DueInstants.AT_ONCE.toInstant());
            assertThat(next.apply("deleted")).isEqualTo(DueInstants.AT_ONCE.toInstant());
            assertThat(dsl.fetchSingle(USERS, USERS.ID.eq("u1")).getNextWeeklyAt().toInstant()).isIn(
                    DueInstants.weekCloses(tokyo, DayOfWeek.SUNDAY, before),
                    DueInstants.weekCloses(tokyo, DayOfWeek.SUNDAY, after));
            assertThat(dsl.fetchSingle(USERS, USERS.ID.eq("u2")).getNextWeeklyAt())
                    .isEqualTo(DueInstants.AT_ONCE);
        }
    }
}
