package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** The category of a goal. */
public enum GoalCategory implements Coded {
    CAREER("career"),
    HEALTH("health"),
    EDUCATION("education"),
    PERSONAL("personal"),
    FINANCE("finance"),
    OTHER("other");

    private final String code;

    GoalCategory(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static GoalCategory fromCode(String code) {
        return Coded.fromCode(GoalCategory.class, code, "goalCategory");
    }
}
