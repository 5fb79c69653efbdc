package io.habitcoach.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** Runs only where Docker is available; no test of the suite needs Docker. */
class ContainerPostgresServerTest {

    @Test
    void aContainerServerTakesTheMigrations() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available here");
        try (ContainerPostgresServer server = ContainerPostgresServer.start("postgres:17-alpine")) {
            HabitCoachTestDatabase.execute(server, "CREATE DATABASE container_probe");
            HabitCoachTestDatabase.migrate(server.jdbcUrl("container_probe"));
            try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("container_probe"));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM probe")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
