package io.habitcoach.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum constant with a stable lower-case code, the value stored in the database and shown in
 * APIs (for example {@code in_progress}).
 */
public interface Coded {

    String code();

    /** The constant of {@code type} whose code is {@code code}, or an {@link InvalidInputException}. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code, String field) {
        if (code != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.code().equals(code)) {
                    return constant;
                }
            }
        }
        throw new InvalidInputException(field, "one of " + Arrays.stream(type.getEnumConstants())
                .map(Coded::code).collect(Collectors.joining(", ")) + ", got " + code);
    }
}
