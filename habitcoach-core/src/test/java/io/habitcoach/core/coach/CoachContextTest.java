package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEvent.StreakMilestone;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoachContextTest {

    private final CoachEvent event = new StreakMilestone("Run", 7, StreakUnit.DAYS);
    private final List<String> phrasings = List.of("Alpha for Run.", "Beta for Run.", "Gamma for Run.", "Delta for Run.");

    @Test
    void sameFactsAndSeedGiveTheSameChoice() {
        CoachContext context = CoachContext.of(Locale.ENGLISH).withSeed(42);
        assertThat(context.choose(event, phrasings)).isEqualTo(context.choose(event, phrasings));
        assertThat(context.choose(new StreakMilestone("Run", 7, StreakUnit.DAYS), phrasings))
                .isEqualTo(context.choose(event, phrasings));
    }

    @Test
    void seedsVaryTheChoice() {
        Set<String> chosen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            chosen.add(CoachContext.of(Locale.ENGLISH).withSeed(seed).choose(event, phrasings));
        }
        assertThat(chosen).containsExactlyInAnyOrderElementsOf(phrasings);
    }

    @Test
    void skipsAPhrasingWhoseSentenceIsAmongTheLastTen() {
        CoachContext context = CoachContext.of(Locale.ENGLISH).withSeed(7);
        String first = context.choose(event, phrasings);
        String second = context.withRecentMessages(List.of("Something else. " + first.toUpperCase(Locale.ROOT)))
                .choose(event, phrasings);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aRepeatOlderThanTenMessagesIsAllowed() {
        CoachContext context = CoachContext.of(Locale.ENGLISH).withSeed(7);
        String first = context.choose(event, phrasings);
        List<String> recent = new java.util.ArrayList<>(java.util.Collections.nCopies(10, "Filler."));
        recent.add(first);
        assertThat(context.withRecentMessages(recent).choose(event, phrasings)).isEqualTo(first);
    }

    @Test
    void consecutiveMessagesNeverRepeatWhileThereArePhrasingsLeft() {
        CoachContext context = CoachContext.of(Locale.ENGLISH).withSeed(3);
        List<String> recent = new java.util.ArrayList<>();
        for (int i = 0; i < phrasings.size(); i++) {
            String chosen = context.withRecentMessages(recent).choose(event, phrasings);
            assertThat(recent).doesNotContain(chosen);
            recent.add(0, chosen);
        }
        // All used: the one seen longest ago comes back.
        assertThat(context.withRecentMessages(recent).choose(event, phrasings)).isEqualTo(recent.get(recent.size() - 1));
    }

    @Test
    void languageTagsFromTheUsersTable() {
        assertThat(CoachContext.forLanguageTag("pt-BR").locale()).isEqualTo(Locale.forLanguageTag("pt-BR"));
        assertThat(CoachContext.forLanguageTag("en").locale().getLanguage()).isEqualTo("en");
        assertThat(CoachContext.forLanguageTag(null).locale()).isEqualTo(CoachContext.DEFAULT_LOCALE);
        assertThat(CoachContext.forLanguageTag(" ").locale()).isEqualTo(CoachContext.DEFAULT_LOCALE);
        assertThat(CoachContext.forLanguageTag("!!").locale()).isEqualTo(CoachContext.DEFAULT_LOCALE);
    }
}
