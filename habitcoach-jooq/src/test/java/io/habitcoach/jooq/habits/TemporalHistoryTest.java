package io.habitcoach.jooq.habits;

import static io.habitcoach.jooq.schema.Tables.GOAL_VERSIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.GoalUpdate;
import io.habitcoach.jooq.goals.GoalVersion;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 17, temporal history: versions of habits and goals, and schedule changes that never rewrite the past. */
@ExtendWith(HabitCoachDatabaseExtension.class)
class TemporalHistoryTest {

    private static final Frequency MWF = Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    // 12:00 in São Paulo (UTC-3, the default zone) on Monday 2026-02-16: the first of three weeks
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 2, 16);

    private final MutableClock clock = MutableClock.at("2026-02-16T15:00:00Z");
    private HabitCoach coach;
    private DSLContext dsl;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    /** Noon of {@code day} in São Paulo. */
    private void at(LocalDate day) {
        clock.set(day.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void switchingADailyHabitToItsActualDaysKeepsThePastAsItWas() {
        at(FIRST_MONDAY);
        Habit habit = coach.habits().create(userId, NewHabit.builder().name("Stretch").frequency(Frequency.daily()).build());
        for (int week = 0; week < 3; week++) {
            for (int day : new int[] {0, 2, 4}) {
                LocalDate date = FIRST_MONDAY.plusWeeks(week).plusDays(day);
                at(date);
                coach.habits().complete(userId, habit.id(), date);
            }
        }
        LocalDate monday = FIRST_MONDAY.plusWeeks(3);
        at(monday);
        coach.habits().complete(userId, habit.id(), monday);
        assertThat(coach.habits().get(userId, habit.id()).streak()).isEqualTo(new StreakSummary(1, 1, 10, false));
        Instant beforeChange = clock.instant();

        clock.advance(Duration.ofMinutes(5));
        Habit changed = coach.habits().update(userId, habit.id(), HabitUpdate.builder().frequency(MWF).build());

        // the seed's answer was current 10, longest 10: the new days judged three weeks of the past
        assertThat(changed.streak()).isEqualTo(new StreakSummary(1, 1, 10, false));
        assertThat(coach.habits().get(userId, habit.id()).streak()).isEqualTo(new StreakSummary(1, 1, 10, false));
        HabitChecks.assertConsistent(dsl, habit.id(), monday);

        // from today on Monday/Wednesday/Friday: Tuesday is not due, Wednesday extends the run
        at(monday.plusDays(2));
        coach.habits().complete(userId, habit.id(), monday.plusDays(2));
        assertThat(coach.habits().get(userId, habit.id()).streak()).isEqualTo(new StreakSummary(2, 2, 11, false));
        HabitChecks.assertConsistent(dsl, habit.id(), monday.plusDays(2));
        // a back-filled Saturday before the change was a daily day: judged daily, and the caches still agree
        coach.habits().complete(userId, habit.id(), monday.minusDays(2));
        assertThat(coach.habits().get(userId, habit.id()).streak().current()).isEqualTo(2);
        HabitChecks.assertConsistent(dsl, habit.id(), monday.plusDays(2));

        List<HabitVersion> versions = coach.habits().versions(userId, habit.id());
        assertThat(versions).extracting(HabitVersion::version).containsExactly(1, 2);
        assertThat(versions).extracting(HabitVersion::frequency).containsExactly(Frequency.daily(), MWF);
        assertThat(versions.get(0).validTo()).isEqualTo(versions.get(1).validFrom());
        assertThat(versions.get(1).validTo()).isNull();
        assertThat(versions.get(1).scheduleFrom()).isEqualTo(monday);
        assertThat(coach.habits().asOf(userId, habit.id(), beforeChange)).get()
                .extracting(HabitVersion::frequency).isEqualTo(Frequency.daily());
        assertThat(coach.habits().asOf(userId, habit.id(), clock.instant())).get()
                .extracting(HabitVersion::frequency).isEqualTo(MWF);
        assertThat(coach.habits().asOf(userId, habit.id(), Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void everyCoveredChangeWritesAVersionAndANoOpWritesNone() {
        at(FIRST_MONDAY);
        Habit habit = coach.habits().create(userId, NewHabit.builder().name("Read").frequency(Frequency.daily()).build());
        clock.advance(Duration.ofMinutes(1));
        coach.habits().update(userId, habit.id(), HabitUpdate.builder().name("Read a book").build());
        clock.advance(Duration.ofMinutes(1));
        coach.habits().update(userId, habit.id(), HabitUpdate.builder().name("Read a book").build()); // no change
        clock.advance(Duration.ofMinutes(1));
        coach.habits().update(userId, habit.id(), HabitUpdate.builder().reminderEnabled(true).build());
        clock.advance(Duration.ofMinutes(1));
        coach.habits().pause(userId, habit.id());
        clock.advance(Duration.ofMinutes(1));
        coach.habits().resume(userId, habit.id());

        List<HabitVersion> versions = coach.habits().versions(userId, habit.id());
        assertThat(versions).extracting(HabitVersion::name)
                .containsExactly("Read", "Read a book", "Read a book", "Read a book", "Read a book");
        assertThat(versions).extracting(HabitVersion::status).containsExactly(HabitStatus.ACTIVE, HabitStatus.ACTIVE,
                HabitStatus.ACTIVE, HabitStatus.PAUSED, HabitStatus.ACTIVE);
        assertThat(versions).extracting(HabitVersion::reminderEnabled).containsExactly(false, false, true, true, true);
        assertThat(versions.stream().filter(v -> v.validTo() == null)).hasSize(1);
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i - 1).validTo()).isEqualTo(versions.get(i).validFrom());
        }
        // no frequency change: the streak rules never read the versions
        assertThat(dsl.fetchValue("SELECT schedule_from FROM habits WHERE id = ?", habit.id())).isNull();
        assertThatThrownBy(() -> coach.habits().versions(userId, "no-such-habit")).isInstanceOf(NotFoundException.class);
        String other = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        assertThatThrownBy(() -> coach.habits().versions(other, habit.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPerWeekTargetLoweredMidWeekJudgesTheCurrentWeekByTheNewTarget() {
        LocalDate monday = FIRST_MONDAY;
        at(monday);
        Habit habit = coach.habits().create(userId,
                NewHabit.builder().name("Gym").frequency(Frequency.timesPerWeek(3)).build());
        for (int day : new int[] {0, 1, 2, 7, 8}) {
            at(monday.plusDays(day));
            coach.habits().complete(userId, habit.id(), monday.plusDays(day));
        }
        at(monday.plusDays(9)); // Wednesday of week 2: 2 of 3 done
        assertThat(coach.habits().get(userId, habit.id()).streak().current()).isEqualTo(1);
        Habit changed = coach.habits().update(userId, habit.id(),
                HabitUpdate.builder().frequency(Frequency.timesPerWeek(2)).build());
        assertThat(changed.streak()).isEqualTo(new StreakSummary(2, 2, 5, false));
        HabitChecks.assertConsistent(dsl, habit.id(), monday.plusDays(9));
    }

    @Test
    void goalsKeepTheirVersions() {
        at(FIRST_MONDAY);
        String goal = coach.goals().create(userId, NewGoal.builder().title("Marathon").category(GoalCategory.HEALTH)
                .build()).id();
        Instant created = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        coach.goals().update(userId, goal, GoalUpdate.builder().title("Half marathon").build());
        clock.advance(Duration.ofMinutes(1));
        coach.goals().archive(userId, goal);

        List<GoalVersion> versions = coach.goals().versions(userId, goal);
        assertThat(versions).extracting(GoalVersion::title).containsExactly("Marathon", "Half marathon", "Half marathon");
        assertThat(versions).extracting(GoalVersion::status)
                .containsExactly(GoalStatus.ACTIVE, GoalStatus.ACTIVE, GoalStatus.ARCHIVED);
        assertThat(versions.get(2).validTo()).isNull();
        assertThat(coach.goals().asOf(userId, goal, created)).get().extracting(GoalVersion::title).isEqualTo("Marathon");
    }

    @Test
    void theExportHoldsTheVersionsAndThePurgeRemovesThem() throws Exception {
        at(FIRST_MONDAY);
        Habit habit = coach.habits().create(userId, NewHabit.builder().name("Walk").frequency(Frequency.daily()).build());
        coach.habits().update(userId, habit.id(), HabitUpdate.builder().frequency(MWF).build());
        String goal = coach.goals().create(userId, NewGoal.builder().title("Trip").category(GoalCategory.PERSONAL)
                .build()).id();

        JsonNode export = new com.fasterxml.jackson.databind.ObjectMapper().readTree(coach.privacy().export(userId));
        assertThat(export.get("habit_versions")).hasSize(2);
        assertThat(export.get("habit_versions").get(0).get("frequency").asText()).isEqualTo("daily");
        assertThat(export.get("habit_versions").get(1).get("frequency").asText()).isEqualTo("specific_days");
        assertThat(export.get("goal_versions")).hasSize(1);
        assertThat(export.get("goal_versions").get(0).get("goal_id").asText()).isEqualTo(goal);

        coach.privacy().purge(userId);
        assertThat(dsl.fetchCount(HABIT_VERSIONS, HABIT_VERSIONS.USER_ID.eq(userId))).isZero();
        assertThat(dsl.fetchCount(GOAL_VERSIONS, GOAL_VERSIONS.USER_ID.eq(userId))).isZero();
    }
}
