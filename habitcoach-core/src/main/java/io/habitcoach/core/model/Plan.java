package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** A user's subscription plan. */
public enum Plan implements Coded {
    FREE("free"),
    PRO("pro");

    private final String code;

    Plan(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Plan fromCode(String code) {
        return Coded.fromCode(Plan.class, code, "plan");
    }
}
