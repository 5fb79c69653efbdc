/** Goals and their subtasks, counters and auto-completion. Start from {@code HabitCoach#goals()}. */
package io.habitcoach.jooq.goals;
