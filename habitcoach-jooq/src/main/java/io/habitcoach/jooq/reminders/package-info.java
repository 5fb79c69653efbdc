/** Habit reminders due in a time window. Start from {@code HabitCoach#reminders()}. */
package io.habitcoach.jooq.reminders;
