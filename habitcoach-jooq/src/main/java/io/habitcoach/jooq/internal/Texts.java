package io.habitcoach.jooq.internal;

import io.habitcoach.core.InvalidInputException;

/**
 * Validation of user-supplied text before it reaches PostgreSQL, which cannot store NUL characters
 * (nor, in UTF-8, unpaired surrogates).
 */
public final class Texts {

    private Texts() {
    }

    /** A required text: trimmed, non-blank, at most {@code max} characters, no NUL. */
    public static String required(String field, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "required, 1 to " + max + " characters");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank (1 to " + max + " characters)");
        }
        return checked(field, trimmed, max);
    }

    /** An optional text: null stays null, blank becomes null, else trimmed and checked. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : checked(field, trimmed, max);
    }

    /** Text kept verbatim (chat messages, notes): only the length and NUL checks. */
    public static String verbatim(String field, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "required, at most " + max + " characters");
        }
        return checked(field, value, max);
    }

    private static String checked(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters, got " + value.length());
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "must not contain NUL characters");
        }
        if (hasUnpairedSurrogate(value)) {
            throw new InvalidInputException(field, "valid Unicode text (no unpaired surrogate characters)");
        }
        return value;
    }

    /**
     * Whether the text holds a UTF-16 surrogate that is not half of a pair: it has no UTF-8 form, and
     * the JDBC driver would store a {@code ?} in its place, so what a read returns would differ from
     * what was written.
     */
    public static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
