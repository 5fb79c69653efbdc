package io.habitcoach.jooq.internal;

import io.habitcoach.jooq.Limits;

/** Behaviour switches the host sets through the {@code HabitCoach} builder (made by {@link Context#create}). */
public final class CoachSettings {

    private final boolean autoCompleteGoals;
    private final Limits limits;

    CoachSettings(boolean autoCompleteGoals, Limits limits) {
        this.autoCompleteGoals = autoCompleteGoals;
        this.limits = limits;
    }

    public boolean autoCompleteGoals() {
        return autoCompleteGoals;
    }

    public Limits limits() {
        return limits;
    }
}
