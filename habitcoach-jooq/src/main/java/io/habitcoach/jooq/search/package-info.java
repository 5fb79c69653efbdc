/** Full-text search over a user's habits, goals and subtasks. Start from {@code HabitCoach#search()}. */
package io.habitcoach.jooq.search;
