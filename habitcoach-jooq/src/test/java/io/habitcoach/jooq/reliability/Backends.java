package io.habitcoach.jooq.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Server-side faults for the tests: a separate admin connection that finds a backend blocked on a lock
 * and terminates it ({@code pg_terminate_backend}, as an operator or a failover would), and a gate (a
 * trigger that waits on an advisory lock) that stops a call in the middle of its write.
 */
final class Backends implements AutoCloseable {

    /** The advisory lock the gate trigger waits on. */
    static final long GATE_KEY = 727_272L;

    private final Connection admin;

    Backends(String jdbcUrl) throws SQLException {
        this.admin = DriverManager.getConnection(jdbcUrl);
        this.admin.setAutoCommit(true);
    }

    Connection connection() {
        return admin;
    }

    /**
     * Installs an AFTER trigger on {@code table} that takes the gate's advisory lock for each row the
     * statement writes: while {@link #closeGate()} holds it, a writer stops inside its write statement
     * (its rows already written, uncommitted) until the gate opens or its backend dies.
     */
    void installGate(String table, String events) throws SQLException {
        // On Citus the write runs on a worker, in a backend this coordinator connection neither sees
        // waiting nor can terminate; and Citus refuses triggers on distributed tables.
        org.junit.jupiter.api.Assumptions.assumeFalse(io.habitcoach.testkit.HabitCoachTestDatabase.citus(),
                "fault injection by a trigger gate is single-server; skipped on a Citus cluster (docs/scale-out.md)");
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION reliability_gate() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN PERFORM pg_advisory_xact_lock(" + GATE_KEY + "); RETURN NULL; END $$");
            s.execute("DROP TRIGGER IF EXISTS reliability_gate_" + table + " ON " + table);
            s.execute("CREATE TRIGGER reliability_gate_" + table + " AFTER " + events + " ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION reliability_gate()");
        }
    }

    void removeGate(String table) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS reliability_gate_" + table + " ON " + table);
        }
    }

    void closeGate() throws SQLException {
        execute("SELECT pg_advisory_lock(" + GATE_KEY + ")");
    }

    void openGate() throws SQLException {
        execute("SELECT pg_advisory_unlock(" + GATE_KEY + ")");
    }

    /**
     * Waits until a backend of this database other than the admin's waits on a lock (a row lock, or
     * the gate's advisory lock when {@code advisory}) and returns its pid.
     */
    int awaitBlocked(boolean advisory, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String sql = "SELECT a.pid FROM pg_stat_activity a WHERE a.datname = current_database()"
                + " AND a.pid <> pg_backend_pid() AND a.wait_event_type = 'Lock'"
                + (advisory ? " AND a.wait_event = 'advisory'" : " AND a.wait_event IN ('transactionid', 'tuple')");
        while (System.nanoTime() < deadline) {
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no backend blocked on a " + (advisory ? "advisory" : "row") + " lock within " + timeout);
    }

    /** Terminates the backend and waits (up to 5 s) until it is gone. */
    void terminate(int pid) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new AssertionError("backend " + pid + " was not terminated");
                }
            }
        }
    }

    int count(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
