package io.habitcoach.testkit;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: each test class gets its own migrated database (cloned from the template),
 * dropped after the class. Test constructors, lifecycle methods and test methods may declare a
 * {@link DataSource} or {@link HabitCoachTestDatabase} parameter.
 *
 * <pre>{@code
 * @ExtendWith(HabitCoachDatabaseExtension.class)
 * class MyTest {
 *     @Test void works(DataSource dataSource) { ... }
 * }
 * }</pre>
 */
public final class HabitCoachDatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HabitCoachDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == HabitCoachTestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        HabitCoachTestDatabase database = database(context);
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    private static HabitCoachTestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("database", key -> new ClosingDatabase(HabitCoachTestDatabase.create()),
                        ClosingDatabase.class)
                .database();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Drops the database when JUnit closes the class's store. */
    private record ClosingDatabase(HabitCoachTestDatabase database)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }
}
