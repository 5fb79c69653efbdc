package io.habitcoach.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** core knows nothing of jOOQ, SQL drivers, Jackson, LLMs or the modules built on it (it logs through slf4j-api, the one logging API of every module). */
class DependencyArrowsTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.jooq.DSLContext", "org.postgresql.Driver", "org.flywaydb.core.Flyway",
            "com.fasterxml.jackson.databind.ObjectMapper", "dev.langchain4j.model.chat.ChatModel",
            "io.habitcoach.jooq.HabitCoach", "io.habitcoach.ai.YodaPersonality"})
    void coreDoesNotSee(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
