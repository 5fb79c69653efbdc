package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The plain fallback personality keeps the copy rules of issue 22 too: singulars, no "(0 days)". */
class NeutralCopyTest {

    private final NeutralCoachPersonality neutral = new NeutralCoachPersonality();

    @Test
    void oneCompletionIsOnceAndAZeroStreakIsNotWrittenAsANumber() {
        CoachEvent first = new CoachEvent.HabitCompleted("Run", LocalDate.of(2025, 3, 4), 1, 1, 1, StreakUnit.DAYS);
        CoachEvent chat = new CoachEvent.ChatReply("Hi", List.of(
                new CoachEvent.ChatReply.HabitSnapshot("Read", 0, 3, StreakUnit.DAYS),
                new CoachEvent.ChatReply.HabitSnapshot("Run", 2, 3, StreakUnit.DAYS)));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"))) {
            for (long seed = 0; seed < 8; seed++) {
                CoachContext context = CoachContext.of(locale).withSeed(seed);
                assertThat(neutral.message(first, context)).doesNotContain("1 times");
                assertThat(neutral.message(chat, context)).doesNotContain("(0").contains("Read", "Run (2 d");
            }
        }
    }
}
