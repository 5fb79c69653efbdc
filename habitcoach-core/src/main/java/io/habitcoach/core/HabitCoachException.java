package io.habitcoach.core;

/**
 * The root of every exception Habit Coach throws. Unchecked, like {@code FlywayException} or
 * {@code JdbiException}: callers catch the subclasses they can act on.
 */
public class HabitCoachException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HabitCoachException(String message) {
        super(message);
    }

    public HabitCoachException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed if it is made again unchanged (a dropped connection, a
     * serialization failure). Input errors are never retryable.
     */
    public boolean isRetryable() {
        return false;
    }
}
