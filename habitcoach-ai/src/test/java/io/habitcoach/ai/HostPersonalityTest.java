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
import io.habitcoach.core.testing.FixedPersonality;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HostPersonalityTest {

    private final CoachEvent completed =
            new CoachEvent.HabitCompleted("Swim", LocalDate.of(2025, 3, 4), 4, 9, 20, StreakUnit.DAYS);
    private final CoachContext english = CoachContext.of(Locale.ENGLISH);

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
                .personalities(CoachPersonalities.builder().register(new FixedPersonality("ninja", "...")).build())
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
        CoachPersonality ownYoda = new FixedPersonality("yoda", "Hmm.");
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
