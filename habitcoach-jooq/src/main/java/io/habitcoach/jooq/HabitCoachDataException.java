package io.habitcoach.jooq;

import io.habitcoach.core.HabitCoachException;

/**
 * The database failed the call: nothing was written. {@link #isRetryable()} says whether the same
 * call may succeed if made again (a dropped connection, a serialization failure, a deadlock).
 */
public class HabitCoachDataException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final boolean retryable;

    public HabitCoachDataException(String message, String sqlState, boolean retryable, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.retryable = retryable;
    }

    /** The PostgreSQL SQLSTATE code, or null when the failure did not come with one. */
    public String sqlState() {
        return sqlState;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
