package io.habitcoach.spring.boot;

import io.habitcoach.jooq.HabitCoach;

/**
 * How the auto-configured {@code HabitCoach} bean applies the migrations when
 * {@code habitcoach.migrate-on-start} is true. Declare a bean of this type to do more or less than
 * {@link HabitCoach#migrate()}, e.g. to log, to wait for a lock of your own, or to skip on some nodes.
 */
@FunctionalInterface
public interface HabitCoachMigrationStrategy {

    /** Migrates the database of {@code coach}, which is not handed out before this returns. */
    void migrate(HabitCoach coach);
}
