package io.habitcoach.core.coach;

import io.habitcoach.core.Coded;

/** The coach events of rules.md section 6, as stored in {@code ai_messages.message_type}. */
public enum CoachEventType implements Coded {
    HABIT_COMPLETE("habit_complete"),
    HABIT_FAIL("habit_fail"),
    STREAK("streak"),
    GOAL_COMPLETE("goal_complete"),
    WEEKLY_ANALYSIS("weekly_analysis"),
    CHAT("chat");

    private final String code;

    CoachEventType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static CoachEventType fromCode(String code) {
        return Coded.fromCode(CoachEventType.class, code, "coachEventType");
    }
}
