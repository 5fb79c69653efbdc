package io.habitcoach.jooq.dashboards;

import java.time.LocalDate;
import java.util.List;

/**
 * The user's current week so far, per habit, read in one SQL statement. The week is the user's
 * calendar week (their first day of week), never a rolling seven days.
 */
public record WeeklySummary(LocalDate weekStart, LocalDate today, List<HabitWeek> habits) {

    public WeeklySummary {
        habits = List.copyOf(habits);
    }

    /** One habit's done and skipped days in the week so far. */
    public record HabitWeek(String habitId, String habitName, int completedThisWeek, int skippedThisWeek) {
    }
}
