package io.habitcoach.core;

/** The call conflicts with the current state (a duplicate email, a link that already exists). */
public class ConflictException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
