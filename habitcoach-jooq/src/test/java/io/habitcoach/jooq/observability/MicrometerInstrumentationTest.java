package io.habitcoach.jooq.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachQuota;
import io.habitcoach.core.coach.CoachQuotaExceededException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The meters and observations of docs/observability.md, on a real PostgreSQL: each operation emits its
 * observation with the documented outcome, and the counters count.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class MicrometerInstrumentationTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");

    private static String email() {
        return "u" + UUID.randomUUID() + "@example.com";
    }

    /** Every observation stopped, in order. */
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    private TestObservationRegistry observations() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        return registry;
    }

    /** The outcome of every observation called {@code name}, in the order they stopped. */
    private List<String> observed(String name) {
        return stopped.stream().filter(c -> c.getName().equals(name)).map(c -> outcome(c)).toList();
    }

    private static String outcome(Observation.Context context) {
        var outcome = context.getLowCardinalityKeyValue("outcome");
        return outcome == null ? null : outcome.getValue();
    }

    private static double count(MeterRegistry meters, String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void completionsChatModelCallsAndJobsAreObservedAndCounted(DataSource dataSource) {
        TestObservationRegistry observations = observations();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // Grounded replies (no numbers) to "Hello..."; a number the facts do not hold for anything else.
        HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .coachModel(prompt -> Optional.of(String.valueOf(prompt.userMessage()).contains("again")
                        ? "Well done today." : String.valueOf(prompt.userMessage()).contains("Hello")
                        ? "Keep going." : "You have done it 987654 times."))
                .coachQuota(new CoachQuota(3, 3))
                .observationRegistry(observations).meterRegistry(meters).load();
        String user = coach.users().create(NewUser.builder().email(email()).timezone("UTC").language("en").build()).id();
        String habit = coach.habits().create(user, NewHabit.builder().name("Read").frequency(Frequency.daily()).build()).id();
        LocalDate today = LocalDate.of(2026, 3, 10);

        coach.habits().complete(user, habit, today);
        coach.habits().complete(user, habit, today);                     // an idempotent repeat
        coach.habits().complete(user, habit, today.minusDays(1));
        assertThatThrownBy(() -> coach.habits().complete(user, habit, today.minusDays(30)))
                .isInstanceOf(CompletionWindowException.class);
        coach.habits().pause(user, habit);
        assertThatThrownBy(() -> coach.habits().complete(user, habit, today.minusDays(2)))
                .isInstanceOf(HabitNotActiveException.class);
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo("habitcoach.complete").that()
                .hasBeenStarted().hasBeenStopped().hasLowCardinalityKeyValue("outcome", "new");
        assertThat(observed("habitcoach.complete"))
                .containsExactly("new", "already_done", "new", "refused_window", "refused_paused");
        // With the host's ObservationRegistry, timers are its meter handler's business (this one has none).
        assertThat(meters.find("habitcoach.complete").timer()).isNull();
        assertThat(count(meters, "habitcoach.completion.cache", "result", "hit")
                + count(meters, "habitcoach.completion.cache", "result", "miss")).isGreaterThan(0);

        var first = coach.chat().start(user, "Hello coach");
        assertThat(first.source()).isEqualTo(CoachMessage.Source.MODEL);
        var second = coach.chat().send(user, first.conversation().id(), "How many?");
        assertThat(second.source()).isEqualTo(CoachMessage.Source.TEMPLATE);   // the grounding check refused it
        coach.chat().send(user, first.conversation().id(), "Hello again");
        assertThatThrownBy(() -> coach.chat().send(user, first.conversation().id(), "Hello?"))
                .isInstanceOf(CoachQuotaExceededException.class);
        assertThat(observed("habitcoach.chat")).containsExactly("model", "template", "model", "quota_refused");
        assertThat(observed("habitcoach.model")).containsExactly("ok", "ok", "ok");
        assertThat(count(meters, "habitcoach.coach.messages", "kind", "chat", "source", "model")).isEqualTo(2);
        assertThat(count(meters, "habitcoach.coach.messages", "kind", "chat", "source", "template")).isEqualTo(1);
        assertThat(count(meters, "habitcoach.model.rejected", "kind", "chat")).isEqualTo(1);

        coach.jobs().sweepMissed();
        coach.jobs().weeklyAnalysis();
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo("habitcoach.job").that().hasBeenStopped()
                .hasLowCardinalityKeyValue("job", "sweep_missed").hasLowCardinalityKeyValue("outcome", "ok");
        assertThat(observed("habitcoach.job")).containsExactly("ok", "ok");
        assertThat(stopped.stream().filter(c -> c.getName().equals("habitcoach.job"))
                .map(c -> c.getLowCardinalityKeyValue("job").getValue()))
                .containsExactly("sweep_missed", "weekly_analysis");
        assertThat(meters.find("habitcoach.job.users").tag("job", "sweep_missed").counter()).isNotNull();
    }

    @Test
    void aMeterRegistryAloneGetsTheTimersThroughAnObservationRegistryOfOurOwn(DataSource dataSource) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(clock).meterRegistry(meters).load();
        String user = coach.users().create(NewUser.builder().email(email()).timezone("UTC").build()).id();
        String habit = coach.habits().create(user, NewHabit.builder().name("Walk").frequency(Frequency.daily()).build()).id();
        coach.habits().complete(user, habit, LocalDate.of(2026, 3, 10));

        Timer completions = meters.find("habitcoach.complete").tag("outcome", "new").timer();
        assertThat(completions).isNotNull();
        assertThat(completions.count()).isEqualTo(1);
        assertThat(completions.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void withoutARegistryNothingIsRecordedAndNothingBreaks(DataSource dataSource) {
        SimpleMeterRegistry unused = new SimpleMeterRegistry();
        HabitCoach coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        String user = coach.users().create(NewUser.builder().email(email()).timezone("UTC").build()).id();
        String habit = coach.habits().create(user, NewHabit.builder().name("Swim").frequency(Frequency.daily()).build()).id();
        coach.habits().complete(user, habit, LocalDate.of(2026, 3, 10));
        assertThat(coach.habits().get(user, habit).streak().current()).isEqualTo(1);
        assertThat(unused.getMeters()).isEmpty();
    }
}
