/** The home-screen reads: the dashboard and the weekly summary, one SQL statement each. Start from {@code HabitCoach#dashboards()}. */
package io.habitcoach.jooq.dashboards;
