package io.habitcoach.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A migrated Habit Coach database on a real PostgreSQL, for tests.
 *
 * <pre>{@code
 * try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create()) {
 *     HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).load();
 *     ...
 * }
 * }</pre>
 *
 * <p>The server is chosen once per JVM: the one named by the environment variable (or system
 * property) {@value #JDBC_URL_VARIABLE} if set; else a Testcontainers PostgreSQL of the image named
 * by {@value #CONTAINER_IMAGE_VARIABLE}, if set (needs Docker); otherwise an embedded PostgreSQL
 * started on first use. The Habit Coach migrations (found on the class path) are applied once, to a template
 * database; every {@link #create()} then clones that template, which takes milliseconds instead of
 * a migration per test.
 *
 * <p>On a Citus coordinator (the server's database has the {@code citus} extension) a test
 * "database" is a schema of that database instead: {@code CREATE DATABASE} is not propagated to
 * the workers, and a database with the extension cannot be cloned (Citus's maintenance daemon stays
 * connected to it). Each {@link #create()} then migrates a new schema, which {@code migrate()}
 * distributes over the cluster ({@value #CITUS_SHARD_COUNT} shards per table, to keep the many
 * small test schemas cheap), and {@link #close()} drops it with its shards.
 */
public final class HabitCoachTestDatabase implements Closeable {

    /** Names an external server to use instead of the embedded one. */
    public static final String JDBC_URL_VARIABLE = "HABITCOACH_TEST_JDBC_URL";

    /**
     * Names a Docker image (e.g. {@code postgres:17}) to run the tests on with Testcontainers, when
     * no {@value #JDBC_URL_VARIABLE} is set. Needs Docker and {@code org.testcontainers:postgresql}
     * on the test class path.
     */
    public static final String CONTAINER_IMAGE_VARIABLE = "HABITCOACH_TEST_CONTAINER_IMAGE";

    /** Where habitcoach-jooq keeps its migrations, and the name of its Flyway history table. */
    static final String MIGRATIONS = "classpath:db/habitcoach";
    static final String HISTORY_TABLE = "habitcoach_schema_history";

    /** Shards per distributed table in a test schema on Citus (the Citus default is 32). */
    static final int CITUS_SHARD_COUNT = 4;

    private static final SecureRandom NAMES = new SecureRandom();

    private final SharedServer shared;
    private final String name;
    private final HikariDataSource dataSource;

    private HabitCoachTestDatabase(SharedServer shared, String name, int poolSize) {
        this.shared = shared;
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setPoolName("habitcoach-test-" + name);
        this.dataSource = new HikariDataSource(config);
    }

    /** A new, empty, fully migrated database with a pool of up to 16 connections. */
    public static HabitCoachTestDatabase create() {
        return create(16);
    }

    /** A new, empty, fully migrated database with a pool of up to {@code poolSize} connections. */
    public static HabitCoachTestDatabase create(int poolSize) {
        SharedServer shared = SharedServer.get();
        String name = "habitcoach_test_" + randomSuffix();
        if (shared.citus()) {
            execute(shared.server(), "CREATE SCHEMA " + name);
            HabitCoachTestDatabase database = new HabitCoachTestDatabase(shared, name, poolSize);
            try {
                migrate(database.jdbcUrl());
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        }
        execute(shared.server(), "CREATE DATABASE " + name + " TEMPLATE " + shared.template());
        return new HabitCoachTestDatabase(shared, name, poolSize);
    }

    /**
     * A new database on the shared server with no schema at all: for tests of the migrations
     * themselves (upgrades, idempotence).
     */
    public static HabitCoachTestDatabase createEmpty() {
        SharedServer shared = SharedServer.get();
        String name = "habitcoach_test_" + randomSuffix();
        execute(shared.server(), (shared.citus() ? "CREATE SCHEMA " : "CREATE DATABASE ") + name);
        return new HabitCoachTestDatabase(shared, name, 4);
    }

    /** The server this JVM's test databases live on. */
    public static PostgresServer server() {
        return SharedServer.get().server();
    }

    /**
     * Whether the server is a Citus coordinator: then each test database is a schema of the
     * server's database, distributed over the cluster by {@code migrate()}.
     */
    public static boolean citus() {
        return SharedServer.get().citus();
    }

    /** A pooled {@link DataSource} on this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The JDBC URL of this database, credentials included (on Citus: of the coordinator's database,
     * with this schema as the current schema).
     */
    public String jdbcUrl() {
        if (!shared.citus()) {
            return shared.server().jdbcUrl(name);
        }
        String url = shared.server().jdbcUrl(shared.database());
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name
                + "&options=-c%20citus.shard_count%3D" + CITUS_SHARD_COUNT;
    }

    /** The database's name (on Citus: the schema's). */
    public String name() {
        return name;
    }

    /** Closes the pool and drops the database (on Citus: the schema, with its shards). */
    @Override
    public void close() {
        dataSource.close();
        execute(shared.server(), shared.citus() ? "DROP SCHEMA IF EXISTS " + name + " CASCADE"
                : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    static void migrate(String jdbcUrl) {
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
    }

    static void execute(PostgresServer server, String sql) {
        try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("failed on " + server.description() + ": " + sql, e);
        }
    }

    static String randomSuffix() {
        byte[] bytes = new byte[6];
        NAMES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The server and the migrated template, made once per JVM and released when it exits. On a
     * Citus coordinator there is no template: {@code database} is the server's own, which holds
     * the test schemas.
     */
    private record SharedServer(PostgresServer server, String template, boolean citus, String database) {

        private static volatile SharedServer instance;

        static SharedServer get() {
            SharedServer shared = instance;
            if (shared == null) {
                synchronized (SharedServer.class) {
                    shared = instance;
                    if (shared == null) {
                        shared = start();
                        instance = shared;
                    }
                }
            }
            return shared;
        }

        private static SharedServer start() {
            String url = System.getProperty(JDBC_URL_VARIABLE, System.getenv(JDBC_URL_VARIABLE));
            String image = System.getProperty(CONTAINER_IMAGE_VARIABLE, System.getenv(CONTAINER_IMAGE_VARIABLE));
            PostgresServer server;
            if (url != null && !url.isBlank()) {
                server = new ExternalPostgresServer(url.trim());
            } else if (image != null && !image.isBlank()) {
                server = startContainer(image.trim());
            } else {
                server = EmbeddedPostgresServer.start();
            }
            String database = citusDatabase(server);
            if (database != null) {
                // in the database, not in a test schema that a test drops (the extensions are
                // propagated to the workers)
                execute(server, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public");
                execute(server, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
                return new SharedServer(server, null, true, database);
            }
            String template = "habitcoach_template_" + randomSuffix();
            execute(server, "CREATE DATABASE " + template);
            try {
                migrate(server.jdbcUrl(template));
            } catch (RuntimeException e) {
                execute(server, "DROP DATABASE IF EXISTS " + template);
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> release(server, template), "habitcoach-testkit-cleanup"));
            return new SharedServer(Objects.requireNonNull(server), template, false, null);
        }

        /** The server's database if it has the citus extension, else null. */
        private static String citusDatabase(PostgresServer server) {
            try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement();
                    java.sql.ResultSet rs = statement.executeQuery("SELECT current_database(), EXISTS "
                            + "(SELECT 1 FROM pg_extension WHERE extname = 'citus')")) {
                rs.next();
                return rs.getBoolean(2) ? rs.getString(1) : null;
            } catch (SQLException e) {
                throw new IllegalStateException("failed on " + server.description(), e);
            }
        }

        private static PostgresServer startContainer(String image) {
            try {
                Class.forName("org.testcontainers.containers.PostgreSQLContainer");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(CONTAINER_IMAGE_VARIABLE + "=" + image
                        + " needs org.testcontainers:postgresql on the test class path (and Docker)", e);
            }
            return ContainerPostgresServer.start(image);
        }

        private static void release(PostgresServer server, String template) {
            try {
                if (template != null) {
                    execute(server, "DROP DATABASE IF EXISTS " + template + " WITH (FORCE)");
                }
            } catch (RuntimeException ignored) {
                // the server may already be gone at JVM exit
            }
            if (server instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // best effort at JVM exit
                }
            }
        }
    }
}
