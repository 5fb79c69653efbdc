package io.habitcoach.jooq.internal;

/** Behaviour switches the host sets through the {@code HabitCoach} builder. */
public record CoachSettings(boolean autoCompleteGoals) {
}
