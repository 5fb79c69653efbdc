package io.habitcoach.ai;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ai and jooq are siblings on core: neither sees the other. */
class DependencyArrowsTest {

    @Test
    void aiDoesNotSeeTheDatabaseModule() {
        assertThatThrownBy(() -> Class.forName("io.habitcoach.jooq.HabitCoach")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.jooq.DSLContext")).isInstanceOf(ClassNotFoundException.class);
    }
}
