package io.habitcoach.jooq.habits.internal;

import io.habitcoach.core.HabitCoachException;

/** The rules refuse the day (outside the window, the habit not active): the exception to throw. */
record Refused(HabitCoachException reason) implements CompletionPlan {
}
