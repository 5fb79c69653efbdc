package io.habitcoach.core;

import java.util.Objects;

/** An argument was invalid. Names the field and what is allowed; nothing was written. */
public class InvalidInputException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String allowed;

    public InvalidInputException(String field, String allowed) {
        super(field + " is invalid: " + allowed);
        this.field = Objects.requireNonNull(field, "field");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /** The name of the offending field or parameter, e.g. {@code timesPerWeek}. */
    public String field() {
        return field;
    }

    /** A human-readable description of what the field accepts. */
    public String allowed() {
        return allowed;
    }

    /** Throws unless {@code condition} holds. */
    public static void require(boolean condition, String field, String allowed) {
        if (!condition) {
            throw new InvalidInputException(field, allowed);
        }
    }

    /** Returns {@code value}, or throws if it is null. */
    public static <T> T requirePresent(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }
}
