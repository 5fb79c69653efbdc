package io.habitcoach.jooq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ai and jooq are siblings on core: neither sees the other (the coach SPI lives in core). */
class DependencyArrowsTest {

    @Test
    void jooqDoesNotSeeTheAiModuleNorLangChain4j() {
        assertThatThrownBy(() -> Class.forName("io.habitcoach.ai.YodaPersonality"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("dev.langchain4j.model.chat.ChatModel"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
