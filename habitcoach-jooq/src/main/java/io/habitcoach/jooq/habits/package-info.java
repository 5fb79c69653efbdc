/** Habits and their entries: create, complete, skip, undo, pause, resume, archive, and the streaks as of today. Start from {@code HabitCoach#habits()}. */
package io.habitcoach.jooq.habits;
