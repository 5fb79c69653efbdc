package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.testing.FixedPersonality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class CoachPersonalitiesTest {

    private final CoachPersonality pirate = new FixedPersonality("pirate", "Arr.");
    private final CoachPersonality robot = new FixedPersonality("robot", "Beep.");

    @Test
    void registeredPersonalitiesAreFoundById() {
        CoachPersonalities registry = CoachPersonalities.builder().discover(false).register(pirate).register(robot).build();
        assertThat(registry.require("pirate")).isSameAs(pirate);
        assertThat(registry.get("robot")).containsSame(robot);
        assertThat(registry.contains("robot")).isTrue();
        assertThat(registry.ids()).containsExactly("pirate", "robot");
        assertThat(registry.all()).containsExactly(pirate, robot);
    }

    @Test
    void choosingAnUnregisteredIdIsInvalidInputNamingTheChoices() {
        CoachPersonalities registry = CoachPersonalities.builder().discover(false).register(pirate).register(robot).build();
        assertThatThrownBy(() -> registry.require("ninja"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("personality");
                    assertThat(e.allowed()).startsWith("one of pirate, robot");
                });
        assertThatThrownBy(() -> registry.require(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStoredIdThatIsGoneFallsBackToTheDefaultWithAWarningOnce() {
        CoachPersonality yoda = new FixedPersonality("yoda", "Hmm.");
        CoachPersonalities registry = CoachPersonalities.builder().discover(false).register(pirate).register(yoda).build();
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(CoachPersonalities.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            assertThat(registry.resolveOrDefault("removed-one")).isSameAs(yoda);
            assertThat(registry.resolveOrDefault("removed-one")).isSameAs(yoda);
            assertThat(registry.resolveOrDefault(null)).isSameAs(yoda);
            assertThat(registry.resolveOrDefault("pirate")).isSameAs(pirate);
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(2);
        assertThat(records.get(0).getMessage()).contains("removed-one", "yoda");
    }

    @Test
    void theDefaultIsYodaWhenPresentElseTheFirstElseTheConfiguredOne() {
        assertThat(CoachPersonalities.builder().discover(false).register(pirate).register(robot).build()
                .defaultPersonality()).isSameAs(pirate);
        CoachPersonality yoda = new FixedPersonality("yoda", "Hmm.");
        assertThat(CoachPersonalities.builder().discover(false).register(pirate).register(yoda).build()
                .defaultPersonality()).isSameAs(yoda);
        assertThat(CoachPersonalities.builder().discover(false).register(pirate).register(robot).defaultId("robot")
                .build().defaultPersonality()).isSameAs(robot);
        assertThatThrownBy(() -> CoachPersonalities.builder().discover(false).register(pirate).defaultId("robot").build())
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("defaultId");
    }

    @Test
    void withNothingOnTheClassPathTheNeutralCoachStillAnswers() {
        CoachPersonalities registry = CoachPersonalities.builder().discover(false).build();
        assertThat(registry.ids()).containsExactly(CoachPersonalities.NEUTRAL_ID);
        CoachPersonality neutral = registry.resolveOrDefault("yoda");
        assertThat(neutral.message(SampleEvents.all().get(0), CoachContext.of(Locale.ENGLISH))).contains("Run 5k", "17");
    }

    @Test
    void discoveryWithoutProvidersGivesTheNeutralCoach() {
        // habitcoach-core has no provider of its own on its test class path.
        assertThat(CoachPersonalities.builder().classLoader(getClass().getClassLoader()).build().ids())
                .containsExactly(CoachPersonalities.NEUTRAL_ID);
    }

    @Test
    void idsMustBeUniqueAndWellFormed() {
        assertThatThrownBy(() -> CoachPersonalities.builder().register(pirate).register(new FixedPersonality("pirate", "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CoachPersonalities.builder().register(new FixedPersonality("two words", "x")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CoachPersonalities.builder().register(new FixedPersonality("", "x")))
                .isInstanceOf(InvalidInputException.class);
    }
}
