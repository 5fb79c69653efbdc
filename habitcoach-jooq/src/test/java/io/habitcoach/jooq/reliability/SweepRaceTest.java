package io.habitcoach.jooq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, the race the sweep is designed for, made deterministic: a completion of yesterday is in
 * the middle of its write (the habit locked, the entry inserted, not committed) when the missed-day
 * sweep reaches the habit. The sweep must wait for the habit's lock and then see the completion:
 * no {@code habit_fail} for a day that was done, and caches equal to a recomputation.
 */
class SweepRaceTest {

    // 12:00 in São Paulo (UTC-3) on Tuesday 2026-03-10
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void aCompletionInFlightWhenTheSweepArrivesIsSeenAndNoMissIsRaised() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4);
             Backends backends = new Backends(db.jdbcUrl())) {
            MutableClock clock = MutableClock.at("2026-03-05T15:00:00Z");   // the habit exists for a few days
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load();
            String userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
            String habitId = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily())
                    .build()).id();
            String controlId = coach.habits().create(userId, NewHabit.builder().name("Read")
                    .frequency(Frequency.daily()).build()).id();
            clock.set("2026-03-10T15:00:00Z");
            coach.habits().complete(userId, habitId, TODAY.minusDays(2));   // yesterday is missed, so far
            coach.habits().complete(userId, controlId, TODAY.minusDays(2)); // and stays missed: the control

            backends.installGate("habit_completions", "INSERT");
            backends.closeGate();
            Future<Completion> completion = callers.submit(() -> coach.habits().complete(userId, habitId,
                    TODAY.minusDays(1)));
            backends.awaitBlocked(true, Duration.ofSeconds(10));          // inside its write, holding the habit
            Future<CoachJobResult> sweep = callers.submit(() -> coach.jobs().sweepMissed(clock.instant()));
            backends.awaitBlocked(false, Duration.ofSeconds(10));         // the sweep waits for the habit's lock
            backends.openGate();

            assertThat(completion.get(20, TimeUnit.SECONDS).date()).isEqualTo(TODAY.minusDays(1));
            CoachJobResult result = sweep.get(20, TimeUnit.SECONDS);
            assertThat(result.eventsRaised()).isEqualTo(1);
            String fails = "SELECT count(*) FROM ai_messages WHERE habit_id = ? AND message_type = 'habit_fail'";
            assertThat(backends.count(fails, habitId)).isZero();
            assertThat(backends.count(fails, controlId)).isEqualTo(1);
            assertThat(coach.habits().get(userId, habitId).streak().current()).isEqualTo(2);
            assertThat(Consistency.habitProblems(db.dataSource(), clock, List.of(userId), true)).isEmpty();
            backends.removeGate("habit_completions");
        } finally {
            callers.shutdownNow();
        }
    }
}
