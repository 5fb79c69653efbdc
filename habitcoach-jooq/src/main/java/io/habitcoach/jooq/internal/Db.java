package io.habitcoach.jooq.internal;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.jooq.HabitCoachDataException;
import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

/**
 * Runs each service call in one transaction and turns database failures into
 * {@link HabitCoachException}s: nothing from JDBC or jOOQ escapes a service.
 */
public final class Db {

    private final DSLContext dsl;

    public Db(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** {@code work} in one transaction; committed when it returns, rolled back when it throws. */
    public <T> T tx(TransactionalCallable<T> work) {
        try {
            return dsl.transactionResult(work);
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
        boolean retryable = state != null && (state.startsWith("08")      // connection exception
                || state.equals("40001") || state.equals("40P01")          // serialization failure, deadlock
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") // admin shutdown, crash, cannot connect now
                || state.equals("55P03"));                                  // lock not available
        String what = state != null && state.equals("57014")
                ? "the statement was cancelled (statement timeout)"
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
