package io.habitcoach.core.testing;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classes of a module's {@code internal} packages, for each module's test of the rule that none
 * has a public constructor (docs/architecture.md, "Packages and {@code internal}").
 */
public final class InternalPackages {

    private InternalPackages() {
    }

    /**
     * Every class, nested ones included, compiled into an {@code internal} package of the classes
     * directory that holds {@code anchor} (its module's main classes).
     */
    public static List<Class<?>> classes(Class<?> anchor)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(root)) {
            throw new IOException("not a classes directory: " + root);
        }
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

    /** The public constructors of {@code classes}, as {@link Constructor#toString()} prints them. */
    public static List<String> publicConstructors(List<Class<?>> classes) {
        List<String> found = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Constructor<?> constructor : type.getConstructors()) {
                found.add(constructor.toString());
            }
        }
        return found;
    }
}
