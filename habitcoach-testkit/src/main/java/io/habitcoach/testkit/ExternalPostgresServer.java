package io.habitcoach.testkit;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A server the host runs, named by a JDBC URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. Test databases are created on it
 * and dropped again; the database in the URL is only used to issue CREATE / DROP DATABASE.
 */
final class ExternalPostgresServer implements PostgresServer {

    private final String adminUrl;

    ExternalPostgresServer(String adminUrl) {
        this.adminUrl = Objects.requireNonNull(adminUrl, "adminUrl");
        if (!adminUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected a jdbc:postgresql: URL, got " + adminUrl);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        URI uri = URI.create(adminUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        return "jdbc:postgresql://" + authority + "/" + database + query;
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminUrl);
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + jdbcUrl("<database>");
    }
}
