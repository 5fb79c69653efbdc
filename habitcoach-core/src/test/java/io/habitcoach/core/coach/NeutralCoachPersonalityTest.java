package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NeutralCoachPersonalityTest {

    @Test
    void everyMessageIsGroundedInBothLanguages() {
        CoachPersonality neutral = new NeutralCoachPersonality();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("pt-BR"), Locale.GERMAN}) {
            for (CoachEvent event : SampleEvents.all()) {
                String message = neutral.message(event, CoachContext.of(locale));
                assertThat(message).isNotBlank();
                assertThat(Grounding.ungroundedNumbers(message, event)).as(message).isEmpty();
            }
        }
    }
}
