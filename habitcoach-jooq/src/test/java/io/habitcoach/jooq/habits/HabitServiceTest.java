package io.habitcoach.jooq.habits;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
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

@ExtendWith(HabitCoachDatabaseExtension.class)
class HabitServiceTest {

    // 12:00 in São Paulo (UTC-3) on Tuesday 2026-03-10
    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private HabitCoach coach;
    private DSLContext dsl;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private Habit daily(String name) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(Frequency.daily()).build());
    }

    private int entries(String habitId) {
        return dsl.fetchCount(HABIT_COMPLETIONS, HABIT_COMPLETIONS.HABIT_ID.eq(habitId));
    }

    private void assertCachesConsistent(String habitId, LocalDate today) {
        HabitChecks.assertConsistent(dsl, habitId, today);
    }

    @Test
    void completingBuildsTheStreakAndGetReadsItAsOfToday() {
        Habit run = daily("Run");
        for (int back = 6; back >= 0; back--) {
            coach.habits().complete(userId, run.id(), TODAY.minusDays(back));
        }
        Habit read = coach.habits().get(userId, run.id());
        assertThat(read.streak()).isEqualTo(new StreakSummary(7, 7, 7, false));
        assertThat(read.lastCompleted()).isEqualTo(TODAY);
        assertThat(read.strength()).isBetween(0.0, 1.0).isGreaterThan(0.0);
        assertCachesConsistent(run.id(), TODAY);

        // Two days later, without any write or job: yesterday was missed, so the streak reads 0.
        clock.advance(Duration.ofDays(2));
        Habit later = coach.habits().get(userId, run.id());
        assertThat(later.streak().current()).isZero();
        assertThat(later.streak().longest()).isEqualTo(7);
    }

    @Test
    void todayStillOpenIsAtRiskButNotBroken() {
        Habit run = daily("Run");
        coach.habits().complete(userId, run.id(), TODAY.minusDays(2));
        coach.habits().complete(userId, run.id(), TODAY.minusDays(1));
        StreakSummary streak = coach.habits().get(userId, run.id()).streak();
        assertThat(streak.current()).isEqualTo(2);
        assertThat(streak.atRisk()).isTrue();
    }

    @Test
    void theSameDayTwiceReturnsTheFirstEntryAndRaisesOneEvent() {
        Habit run = daily("Run");
        Completion first = coach.habits().complete(userId, run.id(), TODAY);
        Completion second = coach.habits().complete(userId, run.id(), TODAY);
        assertThat(second).isEqualTo(first);
        assertThat(entries(run.id())).isEqualTo(1);
        assertThat(dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.HABIT_ID.eq(run.id())
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_COMPLETE)))).isEqualTo(1);
        assertThat(coach.habits().get(userId, run.id()).streak().totalCompleted()).isEqualTo(1);
    }

    @Test
    void outsideTheWindowIsRefusedWithTheAllowedRangeAndNothingIsWritten() {
        Habit run = daily("Run");
        assertThatThrownBy(() -> coach.habits().complete(userId, run.id(), TODAY.minusDays(8)))
                .isInstanceOfSatisfying(CompletionWindowException.class, e -> {
                    assertThat(e.earliest()).isEqualTo(TODAY.minusDays(7));
                    assertThat(e.latest()).isEqualTo(TODAY);
                });
        assertThatThrownBy(() -> coach.habits().complete(userId, run.id(), TODAY.plusDays(1)))
                .isInstanceOf(CompletionWindowException.class);
        assertThat(coach.habits().complete(userId, run.id(), TODAY.minusDays(7)).date()).isEqualTo(TODAY.minusDays(7));
        assertThat(entries(run.id())).isEqualTo(1);
    }

    @Test
    void pausedArchivedAndOtherUsersHabitsAcceptNothing() {
        Habit paused = daily("Paused");
        coach.habits().pause(userId, paused.id());
        Habit archived = daily("Archived");
        coach.habits().archive(userId, archived.id());
        String other = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();

        assertThatThrownBy(() -> coach.habits().complete(userId, paused.id(), TODAY))
                .isInstanceOfSatisfying(HabitNotActiveException.class, e -> assertThat(e.status()).isEqualTo(HabitStatus.PAUSED));
        assertThatThrownBy(() -> coach.habits().skip(userId, archived.id(), TODAY))
                .isInstanceOfSatisfying(HabitNotActiveException.class, e -> assertThat(e.status()).isEqualTo(HabitStatus.ARCHIVED));
        assertThatThrownBy(() -> coach.habits().undo(userId, paused.id(), TODAY)).isInstanceOf(HabitNotActiveException.class);
        assertThatThrownBy(() -> coach.habits().complete(other, paused.id(), TODAY))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("habit");
        assertThatThrownBy(() -> coach.habits().get(other, paused.id())).isInstanceOf(NotFoundException.class);
        assertThat(entries(paused.id()) + entries(archived.id())).isZero();
    }

    @Test
    void aSkippedDayNeitherCountsNorBreaks() {
        Habit run = daily("Run");
        coach.habits().complete(userId, run.id(), TODAY.minusDays(3));
        coach.habits().skip(userId, run.id(), TODAY.minusDays(2));
        coach.habits().complete(userId, run.id(), TODAY.minusDays(1));
        Habit read = coach.habits().get(userId, run.id());
        assertThat(read.streak().current()).isEqualTo(2);
        assertThat(read.streak().totalCompleted()).isEqualTo(2);
        assertCachesConsistent(run.id(), TODAY);

        // completing the skipped day turns it into a done day
        coach.habits().complete(userId, run.id(), TODAY.minusDays(2));
        assertThat(coach.habits().get(userId, run.id()).streak().current()).isEqualTo(3);
        assertThat(entries(run.id())).isEqualTo(3);
        assertCachesConsistent(run.id(), TODAY);
    }

    @Test
    void undoInsideTheWindowRecomputesTheCaches() {
        Habit run = daily("Run");
        for (int back = 4; back >= 0; back--) {
            coach.habits().complete(userId, run.id(), TODAY.minusDays(back));
        }
        assertThat(coach.habits().undo(userId, run.id(), TODAY.minusDays(2))).isTrue();
        assertThat(coach.habits().undo(userId, run.id(), TODAY.minusDays(2))).isFalse();
        Habit read = coach.habits().get(userId, run.id());
        assertThat(read.streak()).isEqualTo(new StreakSummary(2, 2, 4, false));
        assertCachesConsistent(run.id(), TODAY);
        assertThatThrownBy(() -> coach.habits().undo(userId, run.id(), TODAY.minusDays(8)))
                .isInstanceOf(CompletionWindowException.class);
    }

    @Test
    void pausingAndResumingNeverBreaksTheStreak() {
        Habit run = daily("Run");
        coach.habits().complete(userId, run.id(), TODAY.minusDays(1));
        coach.habits().complete(userId, run.id(), TODAY);
        clock.advance(Duration.ofDays(1));
        coach.habits().pause(userId, run.id());
        clock.advance(Duration.ofDays(5));
        Habit resumed = coach.habits().resume(userId, run.id());
        assertThat(resumed.status()).isEqualTo(HabitStatus.ACTIVE);
        assertThat(resumed.streak().current()).isEqualTo(2);
        coach.habits().complete(userId, run.id(), TODAY.plusDays(6));
        assertThat(coach.habits().get(userId, run.id()).streak().current()).isEqualTo(3);
        assertCachesConsistent(run.id(), TODAY.plusDays(6));
    }

    @Test
    void aMilestoneIsRaisedOncePerRun() {
        Habit run = daily("Run");
        for (int back = 2; back >= 0; back--) {
            coach.habits().complete(userId, run.id(), TODAY.minusDays(back));
        }
        // undo and redo today: the same run reaches 3 again, which must not raise the milestone twice
        coach.habits().undo(userId, run.id(), TODAY);
        coach.habits().complete(userId, run.id(), TODAY);
        assertThat(dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.HABIT_ID.eq(run.id())
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.STREAK)))).isEqualTo(1);
        assertThat(dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.HABIT_ID.eq(run.id())
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_COMPLETE)))).isEqualTo(4);
    }

    @Test
    void aBackfillThatReconnectsTheStreakRaisesEachMilestoneOnceAfterItsCompletionMessage() {
        Habit run = daily("Run");
        // oldest first, leaving yesterday out: as of today the streak is 0 after each of these
        for (int back = 7; back >= 2; back--) {
            coach.habits().complete(userId, run.id(), TODAY.minusDays(back));
        }
        assertThat(streakMessages(run.id())).isEmpty();
        // yesterday joins the six days to today's streak of 7: 0 -> 7 crosses 3 and 7 in one call
        coach.habits().complete(userId, run.id(), TODAY.minusDays(1));
        assertThat(streakMessages(run.id())).containsExactly("streak:" + run.id() + ":" + TODAY.minusDays(7) + ":3",
                "streak:" + run.id() + ":" + TODAY.minusDays(7) + ":7");
        var newest = dsl.select(AI_MESSAGES.MESSAGE_TYPE, AI_MESSAGES.MESSAGE).from(AI_MESSAGES)
                .where(AI_MESSAGES.HABIT_ID.eq(run.id()))
                .orderBy(AI_MESSAGES.CREATED_AT.desc(), AI_MESSAGES.ID.desc()).limit(3).fetch();
        assertThat(newest.getValues(AI_MESSAGES.MESSAGE_TYPE)).containsExactly(CoachEventType.STREAK,
                CoachEventType.STREAK, CoachEventType.HABIT_COMPLETE);
        assertThat(newest.getValues(AI_MESSAGES.MESSAGE)).doesNotHaveDuplicates();
        // undo yesterday and complete it again: the same run crosses 3 and 7 again, stored once each
        coach.habits().undo(userId, run.id(), TODAY.minusDays(1));
        coach.habits().complete(userId, run.id(), TODAY.minusDays(1));
        assertThat(streakMessages(run.id())).hasSize(2);
        assertThat(dsl.fetchCount(AI_MESSAGES, AI_MESSAGES.HABIT_ID.eq(run.id())
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.HABIT_COMPLETE)))).isEqualTo(8);
        assertCachesConsistent(run.id(), TODAY);
    }

    private List<String> streakMessages(String habitId) {
        return dsl.select(AI_MESSAGES.EVENT_KEY).from(AI_MESSAGES).where(AI_MESSAGES.HABIT_ID.eq(habitId))
                .and(AI_MESSAGES.MESSAGE_TYPE.eq(CoachEventType.STREAK)).orderBy(AI_MESSAGES.ID).fetch(AI_MESSAGES.EVENT_KEY);
    }

    @Test
    void aTuesdayForAMondayWednesdayFridayHabitCountsInTheTotalOnly() {
        Habit gym = coach.habits().create(userId, NewHabit.builder().name("Gym")
                .frequency(Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)).build());
        coach.habits().complete(userId, gym.id(), LocalDate.of(2026, 3, 9)); // Monday
        coach.habits().complete(userId, gym.id(), TODAY);                     // Tuesday
        Habit read = coach.habits().get(userId, gym.id());
        assertThat(read.streak().current()).isEqualTo(1);
        assertThat(read.streak().totalCompleted()).isEqualTo(2);
        assertCachesConsistent(gym.id(), TODAY);
    }

    @Test
    void invalidHabitsAreRefusedByFieldAndNothingIsWritten() {
        int before = dsl.fetchCount(HABITS);
        assertThatThrownBy(() -> coach.habits().create(userId, NewHabit.builder().name("  ").frequency(Frequency.daily()).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> coach.habits().create(userId, NewHabit.builder().name("x".repeat(201)).frequency(Frequency.daily()).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> coach.habits().create(userId, NewHabit.builder().name("x").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("frequency"));
        assertThatThrownBy(() -> coach.habits().create(userId, NewHabit.builder().name("x").frequency(Frequency.timesPerWeek(8)).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timesPerWeek"));
        assertThat(dsl.fetchCount(HABITS)).isEqualTo(before);
    }

    @Test
    void sqlLookingNamesAreStoredVerbatim() {
        String name = "'); DROP TABLE habits;--";
        Habit habit = daily(name);
        assertThat(coach.habits().get(userId, habit.id()).name()).isEqualTo(name);
    }

    @Test
    void recentCompletionsAreTheLastThirtyDaysInOrder() {
        Habit run = daily("Run");
        coach.habits().complete(userId, run.id(), TODAY.minusDays(3));
        coach.habits().skip(userId, run.id(), TODAY.minusDays(1));
        coach.habits().complete(userId, run.id(), TODAY);
        assertThat(coach.habits().recentCompletions(userId, run.id(), 30))
                .extracting(Completion::date, Completion::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(3), EntryKind.DONE),
                        org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(1), EntryKind.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple(TODAY, EntryKind.DONE));
        assertThat(coach.habits().recentCompletions(userId, run.id(), 2)).hasSize(2);
    }

    @Test
    void eightThreadsCompletingAndUndoingTheSameDaysKeepTheCachesExact() throws Exception {
        HabitChecks.completeAndUndoFromEightThreads(List.of(coach), dsl, userId, daily("Run").id(), TODAY);
    }
}
