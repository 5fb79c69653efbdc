package io.habitcoach.examples.plainjava;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Where the example keeps its data: an embedded PostgreSQL started for this run, or, when a JDBC URL
 * is given, a schema of its own on that server ({@code habitcoach_example_<random>}, through
 * {@code currentSchema}), dropped at the end so that the server's other data is left alone.
 * Either way the host hands Habit Coach a pooled {@link DataSource}: HikariCP here.
 */
final class ExampleDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String schema;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;
    private final String description;

    private ExampleDatabase(EmbeddedPostgres embedded, String serverUrl, String schema, String jdbcUrl,
                            String description) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.schema = schema;
        this.jdbcUrl = jdbcUrl;
        this.description = description;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(4);
        config.setPoolName("habitcoach-example");
        this.dataSource = new HikariDataSource(config);
    }

    /** An embedded PostgreSQL when {@code jdbcUrl} is null or blank, else a new schema on that server. */
    static ExampleDatabase open(String jdbcUrl) {
        return jdbcUrl == null || jdbcUrl.isBlank() ? embedded() : dedicatedSchema(jdbcUrl.trim());
    }

    private static ExampleDatabase embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            try {
                return new ExampleDatabase(postgres, null, null, postgres.getJdbcUrl("postgres", "postgres"),
                        "embedded PostgreSQL on port " + postgres.getPort() + " (removed at exit)");
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static ExampleDatabase dedicatedSchema(String serverUrl) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String schema = "habitcoach_example_" + HexFormat.of().formatHex(random);
        execute(serverUrl, "CREATE SCHEMA " + schema);
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            return new ExampleDatabase(null, serverUrl, schema, url,
                    "schema " + schema + " on " + withoutQuery(serverUrl) + " (dropped at exit)");
        } catch (RuntimeException e) {
            execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            throw e;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The URL the pool connects with (credentials included). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The dedicated schema on a given server, or null for the embedded server's {@code public}. */
    String schema() {
        return schema;
    }

    /** Where the data lives, for the report (no credentials). */
    String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (schema != null) {
            execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("failed on " + withoutQuery(url) + ": " + sql, e);
        }
    }

    /** The URL without its query, which may hold a password. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
