package io.habitcoach.jooq.internal;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.HabitCoachDataException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

/**
 * Runs each service call in one transaction and turns database failures into
 * {@link HabitCoachException}s: nothing from JDBC or jOOQ escapes a service.
 */
public final class Db {

    // The users the outermost transaction (or auto-committed call) on this thread wrote for: after it
    // commits, the primary's WAL position is remembered for them (read-your-writes on the replica).
    private static final ThreadLocal<Set<String>> WROTE_FOR = new ThreadLocal<>();

    private final DSLContext dsl;
    /**
     * {@link #dsl}'s configuration on the connection {@link #autocommit} holds on this thread: derived
     * once, not per call (a derived configuration copies the settings, which cost more than the call's
     * own statement did).
     */
    private final ThreadLocal<java.sql.Connection> autocommitConnection = new ThreadLocal<>();
    private final DSLContext autocommitDsl;
    private final ReplicaRouter replica;
    // Work registered by the transaction running on this thread, to run once it has committed.
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    /**
     * With a read replica: {@link #replica} reads may go there (null: every read on the primary). Made by
     * {@link Context#create}.
     */
    Db(DSLContext dsl, ReplicaRouter replica) {
        this.dsl = dsl;
        this.replica = replica;
        this.autocommitDsl = dsl.configuration().derive(new org.jooq.ConnectionProvider() {
            @Override
            public java.sql.Connection acquire() {
                return autocommitConnection.get();
            }

            @Override
            public void release(java.sql.Connection connection) {
                // the connection is autocommit's: it gives it back to the pool
            }
        }).dsl();
    }

    /**
     * Marks the transaction (or auto-committed call) running on this thread as one that writes for
     * {@code userId}: once it commits, that user's replica reads wait for the replica to replay it.
     * Called where a write path locks the user or their row (UserRows.liveForShare, the habit locks);
     * a no-op outside a transaction or without a replica.
     */
    public static void wroteFor(String userId) {
        Set<String> users = WROTE_FOR.get();
        if (users != null && userId != null) {
            users.add(userId);
        }
    }

    /** The replica routing, or null when no read data source is configured. */
    public ReplicaRouter replicaRouter() {
        return replica;
    }

    /**
     * A read that may be a little stale (dashboards, summaries, counts, search, the jobs' candidate
     * scans): on the read replica when one is configured, reachable, not lagging too far, and has
     * replayed {@code userId}'s last write; else on the primary. {@code userId} null: a read for no
     * particular user. Never inside a write's transaction (that one reads its own connection).
     */
    public <T> T replica(String userId, Function<DSLContext, T> query) {
        if (replica == null) {
            return read(query);
        }
        try {
            return replica.read(userId, query);
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /**
     * {@link #replica(String, Function)} for a read that needs one snapshot over several statements:
     * one read-only transaction on the replica (or the primary, by the same rules).
     */
    public <T> T replicaTx(String userId, TransactionalCallable<T> work) {
        if (replica == null) {
            return tx(work);
        }
        return guarded(() -> replica.read(userId, d -> d.transactionResult(work)));
    }

    /**
     * Runs {@code action} once the transaction running on this thread has committed (never if it
     * rolls back); outside a transaction, at once. For work that must not hold the transaction's
     * locks, such as asking a language model for a message.
     */
    public void afterCommit(Runnable action) {
        List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** {@code work} in one transaction; committed when it returns, rolled back when it throws. */
    public <T> T tx(TransactionalCallable<T> work) {
        List<Runnable> outer = afterCommit.get();
        List<Runnable> pending = new ArrayList<>(0);
        afterCommit.set(pending);
        Set<String> wrote = openWriteScope();
        T result;
        try {
            result = transactionResult(work);
        } finally {
            afterCommit.set(outer);
            closeWriteScope(wrote);
        }
        rememberWrites(wrote);
        pending.forEach(this::afterCommit);
        return result;
    }

    // The outermost call on this thread owns the set; nested calls add to it.
    private Set<String> openWriteScope() {
        if (replica == null || WROTE_FOR.get() != null) {
            return null;
        }
        Set<String> users = new HashSet<>(2);
        WROTE_FOR.set(users);
        return users;
    }

    private static void closeWriteScope(Set<String> owned) {
        if (owned != null) {
            WROTE_FOR.remove();
        }
    }

    // The write has committed: a failure here must not turn it into an error for the caller.
    private void rememberWrites(Set<String> users) {
        if (users != null && !users.isEmpty()) {
            try {
                replica.afterWrite(users);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Db.class).warn("could not read the primary's WAL position after a"
                        + " commit; the replica may not show this write to {} for a moment: {}", users, e.toString());
            }
        }
    }

    private <T> T transactionResult(TransactionalCallable<T> work) {
        return guarded(() -> dsl.transactionResult(work));
    }

    /**
     * {@code work} on a connection of its own in auto-commit mode, outside any transaction: each
     * statement it runs commits by itself. For a path that is one statement, which then costs one
     * round trip instead of three (statement, commit, and the lock it would otherwise take first).
     * The {@code DSLContext} it gets is bound to that connection and has this instance's settings
     * and execute listeners.
     */
    public <T> T autocommit(Function<DSLContext, T> work) {
        Set<String> wrote = openWriteScope();
        T result;
        try {
            result = autocommitResult(work);
        } finally {
            closeWriteScope(wrote);
        }
        rememberWrites(wrote);
        return result;
    }

    private <T> T autocommitResult(Function<DSLContext, T> work) {
        return guarded(() -> dsl.connectionResult(c -> {
            boolean auto = c.getAutoCommit();
            if (!auto) {
                c.setAutoCommit(true);
            }
            autocommitConnection.set(c);
            try {
                return work.apply(autocommitDsl);
            } finally {
                autocommitConnection.remove();
                if (!auto) {
                    c.setAutoCommit(false);
                }
            }
        }));
    }

    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (HabitCoachException e) {
            throw e;
        } catch (DataAccessException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof HabitCoachException hce) {
                throw hce;
            }
            if (cause instanceof SQLException sql) {
                throw translate(sql, e);
            }
            throw e;
        }
    }

    private volatile Boolean citus;

    /**
     * Whether the database has the citus extension, i.e. the schema is distributed by user
     * (docs/scale-out.md); read once. Only statements Citus cannot run in the form one server
     * runs best (measured) take this into account.
     */
    public boolean citus() {
        return citus(dsl);
    }

    /** {@link #citus()}, asked through {@code onConnection} (a pool of one has no other connection to give). */
    public boolean citus(DSLContext onConnection) {
        Boolean known = citus;
        if (known == null) {
            known = read(d -> onConnection.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("pg_catalog", "pg_extension")))
                    .where(DSL.field(DSL.name("extname")).eq("citus"))));
            citus = known;
        }
        return known;
    }

    /** A read outside an explicit transaction (one statement). */
    public <T> T read(Function<DSLContext, T> query) {
        try {
            return query.apply(dsl);
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    public static HabitCoachException translate(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        return sql != null ? translate(sql, e) : new HabitCoachDataException(e.getMessage(), null, false, e);
    }

    private static HabitCoachException translate(SQLException sql, Exception original) {
        String state = sql.getSQLState();
        if ("22021".equals(state) || "22P05".equals(state)) {
            // Text the server cannot hold (a NUL character), sent where no validation looked: an id,
            // say. The caller's input, not a database failure; nothing was written.
            return new InvalidInputException("text", "characters PostgreSQL can store (no NUL characters) [SQLState "
                    + state + "]: " + sql.getMessage());
        }
        if ("22008".equals(state) || "22009".equals(state)) {
            // A date or instant beyond what PostgreSQL can hold (datetime field overflow, time zone
            // displacement out of range): the caller's input too.
            return new InvalidInputException("date", "a date or instant within PostgreSQL's range [SQLState " + state
                    + "]: " + sql.getMessage());
        }
        // A pool that hands out no connection in time (HikariCP's SQLTransientConnectionException, with
        // the SQLState of the last connection failure, often none) is transient: the call may be retried.
        boolean noConnection = sql instanceof SQLTransientConnectionException;
        boolean retryable = noConnection || sql instanceof SQLTransientException || sql instanceof SQLRecoverableException
                || state != null && (state.startsWith("08")                 // connection exception
                || state.equals("40001") || state.equals("40P01")          // serialization failure, deadlock
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") // admin shutdown, crash, cannot connect now
                || state.equals("55P03"));                                  // lock not available
        String what = state != null && state.equals("57014")
                ? "the statement was cancelled (statement timeout)"
                : noConnection ? "no database connection was available in time (the connection pool is exhausted"
                        + " or the database cannot be reached); the call may be retried"
                : retryable ? "a transient database failure; the call may be retried"
                : "a database error";
        return new HabitCoachDataException(what + " [SQLState " + state + "]: " + sql.getMessage(), state, retryable,
                original);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof HabitCoachException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }
}
