package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationTitleTest {

    @Test
    void shortMessagesAreKeptOnOneLine() {
        assertThat(ConversationTitle.fromFirstMessage("  How do I\n start   running? ")).isEqualTo("How do I start running?");
    }

    @Test
    void longMessagesAreCutAtAWordWithAnEllipsis() {
        String title = ConversationTitle.fromFirstMessage(
                "I want to build a morning routine with running, reading and meditation but I keep failing");
        assertThat(title).hasSizeLessThanOrEqualTo(ConversationTitle.MAX_CHARS).endsWith("\u2026")
                .startsWith("I want to build a morning routine");
        assertThat(title.charAt(title.length() - 2)).isNotEqualTo(' ');
    }

    @Test
    void aSingleLongWordIsCutHard() {
        assertThat(ConversationTitle.fromFirstMessage("x".repeat(200))).hasSize(ConversationTitle.MAX_CHARS);
    }
}
