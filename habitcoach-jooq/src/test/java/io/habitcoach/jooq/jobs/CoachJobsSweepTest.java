package io.habitcoach.jooq.jobs;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.schema.tables.records.AiMessagesRecord;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CoachJobs#sweepMissed}: which periods count as missed, in which zone, at which instant. */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachJobsSweepTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T15:00:00Z");
    private HabitCoach coach;
    private DSLContext dsl;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String user(String zone, LocalTime dayStart) {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(zone)
                .dayStart(dayStart).language("en").build()).id();
    }

    private String habit(String userId, String name, Frequency frequency) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(frequency).build()).id();
    }

    private List<AiMessagesRecord> fails(String habitId) {
        return dsl.selectFrom(AI_MESSAGES).where(AI_MESSAGES.HABIT_ID.eq(habitId))
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_FAIL)).orderBy(AI_MESSAGES.EVENT_KEY).fetch();
    }

    private int currentStreak(String habitId) {
        return dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId)).getCurrentStreak();
    }

    @Test
    void exactlyTheUsersWhoseDayHasClosedGetTheirEvent() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        clock.set("2026-03-07T00:00:00Z");
        Map<String, String> habits = new LinkedHashMap<>();
        habits.put("kiritimati", habit(user("Pacific/Kiritimati", LocalTime.MIDNIGHT), "Run", Frequency.daily()));
        habits.put("kiritimati 04:00", habit(user("Pacific/Kiritimati", LocalTime.of(4, 0)), "Run", Frequency.daily()));
        habits.put("tokyo", habit(user("Asia/Tokyo", LocalTime.MIDNIGHT), "Run", Frequency.daily()));
        habits.put("sao paulo", habit(user("America/Sao_Paulo", LocalTime.MIDNIGHT), "Run", Frequency.daily()));
        // Everyone did the 8th and the 9th (local days), nobody does the 10th.
        clock.set("2026-03-10T00:00:00Z");
        for (String habitId : habits.values()) {
            String userId = dsl.fetchSingle(HABITS, HABITS.ID.eq(habitId)).getUserId();
            coach.habits().complete(userId, habitId, day.minusDays(2));
            coach.habits().complete(userId, habitId, day.minusDays(1));
        }
        // The 10th closes at local midnight (04:00 for the night owl): in UTC, at these instants.
        Map<String, List<String>> closedBy = new LinkedHashMap<>();
        closedBy.put("2026-03-10T09:59:59Z", List.of());
        closedBy.put("2026-03-10T10:00:00Z", List.of("kiritimati"));
        closedBy.put("2026-03-10T13:59:59Z", List.of("kiritimati"));
        closedBy.put("2026-03-10T14:00:00Z", List.of("kiritimati", "kiritimati 04:00"));
        closedBy.put("2026-03-10T14:59:59Z", List.of("kiritimati", "kiritimati 04:00"));
        closedBy.put("2026-03-10T15:00:00Z", List.of("kiritimati", "kiritimati 04:00", "tokyo"));
        closedBy.put("2026-03-11T02:59:59Z", List.of("kiritimati", "kiritimati 04:00", "tokyo"));
        closedBy.put("2026-03-11T03:00:00Z", List.of("kiritimati", "kiritimati 04:00", "tokyo", "sao paulo"));
        for (Map.Entry<String, List<String>> step : closedBy.entrySet()) {
            clock.set(step.getKey());
            coach.jobs().sweepMissed(Instant.parse(step.getKey()));
            for (Map.Entry<String, String> habit : habits.entrySet()) {
                boolean closed = step.getValue().contains(habit.getKey());
                List<AiMessagesRecord> events = fails(habit.getValue());
                assertThat(events).as("%s at %s", habit.getKey(), step.getKey()).hasSize(closed ? 1 : 0);
                assertThat(currentStreak(habit.getValue())).as("cached streak of %s at %s", habit.getKey(),
                        step.getKey()).isEqualTo(closed ? 0 : 2);
                if (closed) {
                    AiMessagesRecord event = events.get(0);
                    assertThat(event.getEventKey()).isEqualTo("habit_fail:" + habit.getValue() + ":2026-03-10");
                    assertThat(event.getFacts().get("period_start").asText()).isEqualTo("2026-03-10");
                    assertThat(event.getFacts().get("previous_streak_days").asInt()).isEqualTo(2);
                    assertThat(event.getMessage()).contains("Run");
                }
            }
        }
    }

    @Test
    void onlyScheduledUnexcusedPeriodsWithoutAnEntryAreMissed() {
        // Habits exist since Sunday 2026-03-01 (São Paulo); the sweep runs on Tuesday 2026-03-10 at 09:00,
        // so yesterday is Monday the 9th and the last closed ISO week is 2 to 8 March.
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        LocalDate monday = LocalDate.of(2026, 3, 9);
        String missed = habit(userId, "Missed", Frequency.daily());
        String done = habit(userId, "Done", Frequency.daily());
        String skipped = habit(userId, "Skipped", Frequency.daily());
        String paused = habit(userId, "Paused", Frequency.daily());
        String archived = habit(userId, "Archived", Frequency.daily());
        String mwfDone = habit(userId, "MWF done", Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY));
        String mwfMissed = habit(userId, "MWF missed", Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY));
        String tueThu = habit(userId, "TT", Frequency.specificDays(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
        String weekShort = habit(userId, "Week short", Frequency.timesPerWeek(3));
        String weekMet = habit(userId, "Week met", Frequency.timesPerWeek(3));
        String weekSkips = habit(userId, "Week skips", Frequency.timesPerWeek(3));
        clock.set("2026-03-07T15:00:00Z");
        coach.habits().pause(userId, paused);
        clock.set("2026-03-09T15:00:00Z");
        coach.habits().complete(userId, done, monday);
        coach.habits().skip(userId, skipped, monday);
        coach.habits().complete(userId, mwfDone, monday.minusDays(3));
        coach.habits().complete(userId, mwfDone, monday);
        coach.habits().complete(userId, mwfMissed, monday.minusDays(3));
        coach.habits().archive(userId, archived);
        for (int d : new int[] {2, 3}) {
            coach.habits().complete(userId, weekShort, monday.minusDays(d));
        }
        for (int d : new int[] {2, 3, 5}) {
            coach.habits().complete(userId, weekMet, monday.minusDays(d));
        }
        coach.habits().skip(userId, weekSkips, monday.minusDays(2));
        coach.habits().skip(userId, weekSkips, monday.minusDays(3));
        coach.habits().complete(userId, weekSkips, monday.minusDays(4));
        clock.set("2026-03-10T12:00:00Z");
        String createdToday = habit(userId, "New", Frequency.daily());

        CoachJobResult first = coach.jobs().sweepMissed(Instant.parse("2026-03-10T12:00:00Z"));

        assertThat(fails(missed)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + missed + ":2026-03-09");
        assertThat(fails(mwfMissed)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + mwfMissed + ":2026-03-09");
        assertThat(fails(mwfMissed).get(0).getFacts().get("previous_streak_days").asInt()).isEqualTo(1);
        assertThat(fails(weekShort)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + weekShort + ":2026-03-02");
        assertThat(fails(weekShort).get(0).getFacts().get("period_end").asText()).isEqualTo("2026-03-08");
        for (String none : new String[] {done, skipped, paused, archived, mwfDone, tueThu, weekMet, weekSkips,
                createdToday}) {
            assertThat(fails(none)).as(dsl.fetchSingle(HABITS, HABITS.ID.eq(none)).getName()).isEmpty();
        }
        assertThat(first.eventsRaised()).isGreaterThanOrEqualTo(3);
        assertThat(currentStreak(mwfMissed)).isZero();
        assertThat(currentStreak(mwfDone)).isEqualTo(2);

        CoachJobResult again = coach.jobs().sweepMissed(Instant.parse("2026-03-10T12:05:00Z"));
        assertThat(again.eventsRaised()).isZero();
        assertThat(again.streaksRefreshed()).isZero();
        assertThat(fails(missed)).hasSize(1);
        assertThat(fails(weekShort)).hasSize(1);

        // The next morning the missed habit misses again: a new period, a new event; the weekly one does not.
        coach.jobs().sweepMissed(Instant.parse("2026-03-11T12:00:00Z"));
        assertThat(fails(missed)).extracting(AiMessagesRecord::getEventKey).containsExactly(
                "habit_fail:" + missed + ":2026-03-09", "habit_fail:" + missed + ":2026-03-10");
        assertThat(fails(weekShort)).hasSize(1);
        assertThat(fails(tueThu)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + tueThu + ":2026-03-10");
    }

    @Test
    void theMissEndsTheStreakItInterruptsEvenWhenTodayIsAlreadyDone() {
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String run = habit(userId, "Run", Frequency.daily());
        LocalDate tuesday = LocalDate.of(2026, 3, 10);
        clock.set("2026-03-10T12:00:00Z");
        for (int back = 6; back >= 2; back--) {
            coach.habits().complete(userId, run, tuesday.minusDays(back));   // 4 to 8 March
        }
        coach.habits().complete(userId, run, tuesday);   // today done before the sweep came by; the 9th missed
        coach.jobs().sweepMissed(Instant.parse("2026-03-10T12:00:00Z"));
        List<AiMessagesRecord> events = fails(run);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getFacts().get("previous_streak_days").asInt()).isEqualTo(5);
        assertThat(currentStreak(run)).isEqualTo(1);
    }

    @Test
    void staleStreaksAreRefreshedWithoutAnEvent() {
        // A daily habit whose run broke on a day no sweep saw: the cache still says 3 until a sweep comes.
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String run = habit(userId, "Run", Frequency.daily());
        LocalDate day = LocalDate.of(2026, 3, 5);
        clock.set("2026-03-05T15:00:00Z");
        for (int back = 2; back >= 0; back--) {
            coach.habits().complete(userId, run, day.minusDays(back));
        }
        clock.set("2026-03-06T15:00:00Z");
        coach.habits().skip(userId, run, LocalDate.of(2026, 3, 6));
        assertThat(currentStreak(run)).isEqualTo(3);
        // The 7th was missed (no sweep ran); on the 9th, yesterday (the 8th) is missed too.
        CoachJobResult result = coach.jobs().sweepMissed(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(currentStreak(run)).isZero();
        assertThat(fails(run)).extracting(AiMessagesRecord::getEventKey)
                .containsExactly("habit_fail:" + run + ":2026-03-08");   // older misses are not backfilled
        assertThat(result.streaksRefreshed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void deletedUsersAreLeftAlone() {
        String userId = user("America/Sao_Paulo", LocalTime.MIDNIGHT);
        String run = habit(userId, "Run", Frequency.daily());
        coach.users().delete(userId);
        coach.jobs().sweepMissed(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(fails(run)).isEmpty();
    }
}
