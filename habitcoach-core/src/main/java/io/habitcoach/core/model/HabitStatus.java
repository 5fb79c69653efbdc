package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** A habit's lifecycle state. */
public enum HabitStatus implements Coded {
    ACTIVE("active"),
    PAUSED("paused"),
    ARCHIVED("archived");

    private final String code;

    HabitStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static HabitStatus fromCode(String code) {
        return Coded.fromCode(HabitStatus.class, code, "habitStatus");
    }
}
