package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** A goal subtask's state: pending, then in progress, then completed (and may be reopened). */
public enum SubtaskStatus implements Coded {
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String code;

    SubtaskStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static SubtaskStatus fromCode(String code) {
        return Coded.fromCode(SubtaskStatus.class, code, "subtaskStatus");
    }
}
