package io.habitcoach.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class HabitCoachTestDatabaseTest {

    @Test
    void injectedDatabaseIsMigratedFromTheClassPath(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO probe VALUES (1, 'one')");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM probe")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM habitcoach_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void eachCreatedDatabaseIsIsolatedAndDroppedOnClose() throws SQLException {
        String name;
        try (HabitCoachTestDatabase first = HabitCoachTestDatabase.create();
                HabitCoachTestDatabase second = HabitCoachTestDatabase.create()) {
            name = first.name();
            execute(first.dataSource(), "INSERT INTO probe VALUES (7, 'only in first')");
            assertThat(count(first.dataSource())).isEqualTo(1);
            assertThat(count(second.dataSource())).isZero();
        }
        try (Connection admin = HabitCoachTestDatabase.server().adminConnection();
                Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery(HabitCoachTestDatabase.citus()
                        ? "SELECT count(*) FROM pg_namespace WHERE nspname = '" + name + "'"
                        : "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void externalUrlKeepsCredentialsAndSwapsTheDatabase() {
        ExternalPostgresServer server = new ExternalPostgresServer("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(server.jdbcUrl("other")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?user=postgres");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static int count(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM probe")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
