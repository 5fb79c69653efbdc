package io.habitcoach.core.schedule;

import io.habitcoach.core.Coded;

/** The three kinds of schedule, as stored in {@code habits.frequency}. */
public enum FrequencyType implements Coded {
    DAILY("daily"),
    SPECIFIC_DAYS("specific_days"),
    PER_WEEK("per_week");

    private final String code;

    FrequencyType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static FrequencyType fromCode(String code) {
        return Coded.fromCode(FrequencyType.class, code, "frequencyType");
    }
}
