/**
 * Spring Boot auto-configuration for Habit Coach: add the starter and a {@code DataSource}, and inject
 * {@link io.habitcoach.jooq.HabitCoach}. See {@link io.habitcoach.spring.boot.HabitCoachAutoConfiguration}
 * for what is wired and {@link io.habitcoach.spring.boot.HabitCoachProperties} for the
 * {@code habitcoach.*} properties.
 */
package io.habitcoach.spring.boot;
