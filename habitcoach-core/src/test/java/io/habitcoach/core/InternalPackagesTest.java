package io.habitcoach.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.testing.InternalPackages;
import io.habitcoach.core.coach.internal.BoundedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code internal} packages are not API: no class in them has a public constructor; the classes
 * another package must create have one static factory each (docs/architecture.md).
 */
class InternalPackagesTest {

    @Test
    void noClassInAnInternalPackageHasAPublicConstructor() throws Exception {
        List<Class<?>> internal = InternalPackages.classes(HabitCoachException.class);
        assertThat(internal).as("the internal classes found").contains(BoundedChatModel.class);
        assertThat(InternalPackages.publicConstructors(internal))
                .as("public constructors in internal packages (give the class a static factory instead)")
                .isEmpty();
    }
}
