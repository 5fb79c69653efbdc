package io.habitcoach.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL server that tests may create databases on: an embedded one started in this JVM, or
 * an external one named by a JDBC URL.
 */
public interface PostgresServer {

    /** The JDBC URL of database {@code database} on this server, credentials included. */
    String jdbcUrl(String database);

    /** A new connection to the server's administrative database, for CREATE / DROP DATABASE. */
    Connection adminConnection() throws SQLException;

    /** A short description for logs and test reports, e.g. "embedded PostgreSQL 17.6". */
    String description();
}
