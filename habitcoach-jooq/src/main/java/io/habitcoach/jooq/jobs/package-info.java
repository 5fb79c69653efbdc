/** The coach jobs: missed periods and weekly analyses, each event stored once, safe on many nodes. Start from {@code HabitCoach#jobs()}. */
package io.habitcoach.jooq.jobs;
