package io.habitcoach.spring.boot;

import io.habitcoach.jooq.HabitCoach;

/**
 * Changes the {@link HabitCoach.Builder} of the auto-configured {@code HabitCoach} bean before it is
 * loaded, for options that have no property or bean of their own (a jOOQ {@code ExecuteListener}, the
 * class loader personalities are discovered with). Customizers run in their {@code @Order}, after the
 * properties and beans were applied.
 */
@FunctionalInterface
public interface HabitCoachBuilderCustomizer {

    void customize(HabitCoach.Builder builder);
}
