package io.habitcoach.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pirate.PiratePersonality;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachPersonalities;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.CoachWriter;
import io.habitcoach.core.coach.StreakUnit;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HostPersonalityTest {

    private final CoachEvent completed =
            new CoachEvent.HabitCompleted("Swim", LocalDate.of(2025, 3, 4), 4, 9, 20, StreakUnit.DAYS);
    private final CoachContext english = CoachContext.of(Locale.ENGLISH);

    /** A second host personality, registered through the builder rather than a service file. */
    static final class NinjaPersonality implements CoachPersonality {
        @Override
        public String id() {
            return "ninja";
        }

        @Override
        public String displayName(Locale locale) {
            return "Silent Ninja";
        }

        @Override
        public String systemPrompt(Locale locale) {
            return "You are a silent ninja.";
        }

        @Override
        public String message(CoachEvent event, CoachContext context) {
            return "...";
        }
    }

    @Test
    void serviceLoaderFindsTheBuiltInsAndTheHostsPersonality() {
        CoachPersonalities personalities = CoachPersonalities.discover();
        assertThat(personalities.ids()).containsExactly("general", "mentor", "pirate", "yoda");
        assertThat(personalities.require("pirate")).isInstanceOf(PiratePersonality.class);
        assertThat(personalities.defaultPersonality().id()).isEqualTo("yoda");
    }

    @Test
    void aUserWhoChoseAHostPersonalityHearsIt() {
        CoachWriter writer = CoachWriter.builder()
                .personalities(CoachPersonalities.builder().register(new NinjaPersonality()).build())
                .build();
        CoachMessage pirate = writer.template("pirate", completed, english);
        assertThat(pirate.personalityId()).isEqualTo("pirate");
        assertThat(pirate.text()).isIn(
                "Arr, Swim be done! A streak of 4 days.", "Yo ho, Swim logged, 20 times so far!");
        CoachMessage ninja = writer.template("ninja", completed, english);
        assertThat(ninja.personalityId()).isEqualTo("ninja");
        assertThat(ninja.text()).isEqualTo("...");
        assertThat(writer.template("yoda", completed, english).text()).contains("Swim", "4 days");
    }

    @Test
    void anExplicitRegistrationReplacesADiscoveredOneWithTheSameId() {
        CoachPersonality ownYoda = new CoachPersonality() {
            @Override
            public String id() {
                return "yoda";
            }

            @Override
            public String displayName(Locale locale) {
                return "House Yoda";
            }

            @Override
            public String systemPrompt(Locale locale) {
                return "x";
            }

            @Override
            public String message(CoachEvent event, CoachContext context) {
                return "Hmm.";
            }
        };
        CoachPersonalities personalities = CoachPersonalities.builder().register(ownYoda).build();
        assertThat(personalities.require("yoda")).isSameAs(ownYoda);
        assertThat(personalities.ids()).containsExactly("yoda", "general", "mentor", "pirate");
    }

    @Test
    void choosingAnUnknownPersonalityNamesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> CoachPersonalities.discover().require("jedi"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("personality");
                    assertThat(e.allowed()).contains("general", "mentor", "pirate", "yoda");
                });
    }

    @Test
    void aStoredPersonalityNoLongerOnTheClassPathFallsBackToYoda() {
        CoachWriter writer = CoachWriter.builder().build();
        CoachMessage message = writer.template("removed-host-personality", completed, english);
        assertThat(message.personalityId()).isEqualTo("yoda");
        assertThat(message.text()).contains("Swim");
    }
}
