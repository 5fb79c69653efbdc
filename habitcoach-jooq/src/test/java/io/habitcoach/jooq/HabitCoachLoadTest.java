package io.habitcoach.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.testing.FixedPersonality;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link HabitCoach.Builder#load()}: every configuration problem it finds is an
 * {@link InvalidInputException} naming the setting, like the setters' problems, never an untyped
 * exception (issue 15).
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class HabitCoachLoadTest {

    private final CoachModel model = prompt -> Optional.of("Nicely done.");

    private static void assertRefused(ThrowingCallable load, String field, String allowed) {
        assertThatThrownBy(load).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.allowed()).contains(allowed);
        });
    }

    @Test
    void withoutADataSource() {
        assertRefused(() -> HabitCoach.configure().load(), "dataSource", "DataSource");
    }

    @Test
    void modelWrittenEventsWithoutAModel(DataSource dataSource) {
        assertRefused(() -> HabitCoach.configure().dataSource(dataSource).coachEventsByModel(true).load(),
                "coachEventsByModel", "coachModel");
    }

    @Test
    void aShutDownExecutorForModelWrittenEvents(DataSource dataSource) {
        ExecutorService shutDown = Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        assertRefused(() -> HabitCoach.configure().dataSource(dataSource).coachModel(model).coachEventsByModel(true)
                .coachExecutor(shutDown).load(), "coachExecutor", "not shut down");

        // A live executor loads; so does a shut-down one that model-written events would never use.
        ExecutorService live = Executors.newSingleThreadExecutor();
        try (HabitCoach coach = HabitCoach.configure().dataSource(dataSource).coachModel(model).coachEventsByModel(true)
                .coachExecutor(live).load();
                HabitCoach templatesOnly = HabitCoach.configure().dataSource(dataSource).coachExecutor(shutDown).load()) {
            assertThat(coach.personalities().ids()).isNotEmpty();
            assertThat(templatesOnly.personalities().ids()).isNotEmpty();
        } finally {
            live.shutdownNow();
        }
    }

    @Test
    void aDefaultPersonalityThatIsNotThere(DataSource dataSource) {
        assertRefused(() -> HabitCoach.configure().dataSource(dataSource).defaultPersonality("nobody").load(),
                "defaultId", "nobody");
        assertRefused(() -> HabitCoach.configure().dataSource(dataSource).classLoader(new ClassLoader(null) { })
                .personality(new FixedPersonality("pirate", "Arr.")).defaultPersonality("yoda").load(),
                "defaultId", "pirate");
    }
}
