package io.habitcoach.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhrasebookTest {

    static final List<Phrasebook> ALL = List.of(YodaPhrases.ENGLISH, YodaPhrases.PORTUGUESE, GeneralPhrases.ENGLISH,
            GeneralPhrases.PORTUGUESE, MentorPhrases.ENGLISH, MentorPhrases.PORTUGUESE);

    @Test
    void everyBuiltInBookHasEverySlotWithSeveralDistinctPhrasings() {
        for (Phrasebook book : ALL) {
            for (Slot slot : Slot.values()) {
                assertThat(book.phrasings(slot)).as("%s %s", book.displayName(), slot)
                        .hasSizeGreaterThanOrEqualTo(Slot.MIN_PHRASINGS).doesNotHaveDuplicates();
            }
            assertThat(book.systemPrompt()).isNotBlank();
        }
    }

    @Test
    void renderingIsOnePassSoANameThatLooksLikeAPlaceholderStaysText() {
        assertThat(Phrasebook.render("{habit}: {streak}.", Map.of("habit", "{streak} $1 \\", "streak", "5 days")))
                .isEqualTo("{streak} $1 \\: 5 days.");
        assertThatThrownBy(() -> Phrasebook.render("{missing}", Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void phrasingsAreCheckedWhenABookIsBuilt() {
        assertThatThrownBy(() -> book(Slot.STREAK, "{habit}: {milestone}.", "{habit} {milestone}!", "{habit} at 7: {milestone}."))
                .hasMessageContaining("numbers only through placeholders");
        assertThatThrownBy(() -> book(Slot.STREAK, "{habit}: {milestone}.", "{habit} {milestone}!", "{habit} {total}."))
                .hasMessageContaining("allows");
        assertThatThrownBy(() -> book(Slot.STREAK, "{habit}: {milestone}.", "{habit} {milestone}!", "Well done, {habit}."))
                .hasMessageContaining("needs one of [milestone]");
        assertThatThrownBy(() -> book(Slot.COMPLETE, "{habit}: {streak}. Proud of you.", "{habit} {streak}!", "{habit} {streak}."))
                .hasMessageContaining("sentence without");
        assertThatThrownBy(() -> book(Slot.GOAL, "{goal}.", "{goal}!"))
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> Phrasebook.builder("x", "y").add(Slot.GOAL, "{goal}.", "{goal}!", "{goal}?").build())
                .hasMessageContaining("missing slot");
    }

    private static void book(Slot slot, String... phrasings) {
        Phrasebook.builder("x", "y").add(slot, phrasings);
    }
}
