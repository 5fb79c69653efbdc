package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** A goal's lifecycle state. */
public enum GoalStatus implements Coded {
    ACTIVE("active"),
    COMPLETED("completed"),
    ARCHIVED("archived");

    private final String code;

    GoalStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static GoalStatus fromCode(String code) {
        return Coded.fromCode(GoalStatus.class, code, "goalStatus");
    }
}
