package io.habitcoach.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL in a Docker container (Testcontainers), for hosts that prefer their tests to run on
 * the exact image they deploy. Loaded only when {@code HABITCOACH_TEST_CONTAINER_IMAGE} names an
 * image; Testcontainers is an optional dependency the host adds.
 */
final class ContainerPostgresServer implements PostgresServer, AutoCloseable {

    private final PostgreSQLContainer<?> container;

    private ContainerPostgresServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    static ContainerPostgresServer start(String image) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database
                + "?user=" + container.getUsername() + "&password=" + container.getPassword();
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(container.getDatabaseName()));
    }

    @Override
    public String description() {
        return "PostgreSQL container " + container.getDockerImageName();
    }

    @Override
    public void close() {
        container.stop();
    }
}
