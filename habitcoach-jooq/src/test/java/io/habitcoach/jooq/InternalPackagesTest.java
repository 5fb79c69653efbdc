package io.habitcoach.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.jooq.internal.Db;
import java.io.File;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code internal} packages are not API: no class in them has a public constructor; the classes
 * another package must create have one static factory each (docs/architecture.md).
 */
class InternalPackagesTest {

    @Test
    void noClassInAnInternalPackageHasAPublicConstructor() throws Exception {
        List<Class<?>> internal = internalClasses(HabitCoach.class);
        assertThat(internal).as("the internal classes found").contains(Db.class);

        List<String> publicConstructors = new ArrayList<>();
        for (Class<?> type : internal) {
            for (Constructor<?> constructor : type.getConstructors()) {
                publicConstructors.add(constructor.toString());
            }
        }
        assertThat(publicConstructors)
                .as("public constructors in internal packages (give the class a static factory instead)")
                .isEmpty();
    }

    /** Every class, nested ones included, compiled into an {@code internal} package of {@code anchor}'s module. */
    private static List<Class<?>> internalClasses(Class<?> anchor) throws Exception {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(root).as("the main classes directory").isDirectory();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted().toList()) {
                String path = root.relativize(file).toString().replace(File.separatorChar, '/');
                if (path.contains("/internal/") && path.endsWith(".class") && !path.endsWith("/package-info.class")) {
                    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    classes.add(Class.forName(name, false, anchor.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
