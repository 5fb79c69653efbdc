package io.habitcoach.jooq.internal;

import io.habitcoach.jooq.Limits;

/** Behaviour switches the host sets through the {@code HabitCoach} builder. */
public record CoachSettings(boolean autoCompleteGoals, Limits limits) {

    public CoachSettings(boolean autoCompleteGoals) {
        this(autoCompleteGoals, Limits.defaults());
    }
}
