/**
 * Habit Coach on PostgreSQL: start with {@link io.habitcoach.jooq.HabitCoach#configure()}.
 * The generated jOOQ classes are in {@code io.habitcoach.jooq.schema}; {@code internal} packages
 * are not API.
 */
package io.habitcoach.jooq;

