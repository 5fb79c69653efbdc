package io.habitcoach.jooq.jobs;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.HabitUpdate;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.schema.tables.records.AiMessagesRecord;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link CoachJobs#sweepMissed} judges a period that closed by the habit as it was when the period
 * closed (its version in force then), not by a schedule or status the user set after the close and
 * before the sweep came by (issue 17).
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsScheduleChangeTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T15:00:00Z");
    private HabitCoach coach;
    private DSLContext dsl;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String habit(String userId, String name, Frequency frequency) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(frequency).build()).id();
    }

    private List<AiMessagesRecord> fails(String habitId) {
        return dsl.selectFrom(AI_MESSAGES).where(AI_MESSAGES.HABIT_ID.eq(habitId))
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_FAIL)).orderBy(AI_MESSAGES.EVENT_KEY).fetch();
    }

    @Test
    void theClosedPeriodIsJudgedByTheScheduleInForceWhenItClosed() {
        // São Paulo, midnight day start: Monday 9 March 2026 closes at 03:00 UTC on the 10th; the ISO week
        // 2 to 8 March closed at 03:00 UTC on the 9th. The habits exist since Sunday 1 March.
        String userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                .timezone("America/Sao_Paulo").dayStart(LocalTime.MIDNIGHT).language("en").build()).id();
        LocalDate monday = LocalDate.of(2026, 3, 9);
        String dailyToTueThu = habit(userId, "Daily then Tue/Thu", Frequency.daily());
        String tueThuToDaily = habit(userId, "Tue/Thu then daily", Frequency.specificDays(DayOfWeek.TUESDAY,
                DayOfWeek.THURSDAY));
        String dailyThenPaused = habit(userId, "Daily then paused", Frequency.daily());
        String weekToDaily = habit(userId, "3 a week then daily", Frequency.timesPerWeek(3));
        String control = habit(userId, "Daily unchanged", Frequency.daily());

        clock.set("2026-03-09T15:00:00Z");
        for (int back = 5; back >= 1; back--) {   // Wednesday 4th to Sunday 8th done; Monday 9th missed
            coach.habits().complete(userId, dailyToTueThu, monday.minusDays(back));
            coach.habits().complete(userId, control, monday.minusDays(back));
        }
        coach.habits().complete(userId, dailyThenPaused, monday.minusDays(2));
        coach.habits().complete(userId, dailyThenPaused, monday.minusDays(1));
        coach.habits().complete(userId, weekToDaily, monday.minusDays(4));   // 2 of 3 in the week of the 2nd
        coach.habits().complete(userId, weekToDaily, monday.minusDays(3));

        // Tuesday the 10th, 09:00 local: the 9th has closed, no sweep has come by yet; the user edits.
        clock.set("2026-03-10T12:00:00Z");
        coach.habits().update(userId, dailyToTueThu, HabitUpdate.builder()
                .frequency(Frequency.specificDays(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)).build());
        coach.habits().update(userId, tueThuToDaily, HabitUpdate.builder().frequency(Frequency.daily()).build());
        coach.habits().pause(userId, dailyThenPaused);
        coach.habits().update(userId, weekToDaily, HabitUpdate.builder().frequency(Frequency.daily()).build());

        CoachJobResult result = coach.jobs().sweepMissed(Instant.parse("2026-03-10T12:05:00Z"));

        // Daily on the 9th: missed, ending the 5-day run, although the 9th is no Tuesday or Thursday.
        assertThat(fails(dailyToTueThu)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + dailyToTueThu + ":2026-03-09");
        assertThat(fails(dailyToTueThu).get(0).getFacts().get("previous_streak_days").asInt()).isEqualTo(5);
        // Tuesdays and Thursdays on the 9th: a Monday was not scheduled; the new daily schedule is from today.
        assertThat(fails(tueThuToDaily)).isEmpty();
        // Active on the 9th, paused from the 10th: the 9th was missed.
        assertThat(fails(dailyThenPaused)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + dailyThenPaused + ":2026-03-09");
        assertThat(fails(dailyThenPaused).get(0).getFacts().get("previous_streak_days").asInt()).isEqualTo(2);
        // Three a week until today: the 9th is a day of an open week, not a missed day; the week of the
        // 2nd closed with 2 of 3 (a week's miss, period 2 to 8 March).
        assertThat(fails(weekToDaily)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + weekToDaily + ":2026-03-02");
        assertThat(fails(weekToDaily).get(0).getFacts().get("period_end").asText()).isEqualTo("2026-03-08");
        assertThat(fails(control)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + control + ":2026-03-09");
        assertThat(result.eventsRaised()).isEqualTo(4);

        // A later run that day raises nothing more; the caches are those of the new schedules.
        CoachJobResult again = coach.jobs().sweepMissed(Instant.parse("2026-03-10T12:10:00Z"));
        assertThat(again.eventsRaised()).isZero();
        for (String habitId : List.of(dailyToTueThu, tueThuToDaily, dailyThenPaused, weekToDaily, control)) {
            int cached = dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId)).getCurrentStreak();
            assertThat(cached).as(habitId).isEqualTo(coach.habits().get(userId, habitId).streak().current());
        }
    }
}
