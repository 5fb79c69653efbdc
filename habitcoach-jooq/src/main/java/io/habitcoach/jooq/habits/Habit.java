package io.habitcoach.jooq.habits;

import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.StreakSummary;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A habit as of the user's today.
 *
 * @param streak        current and longest streak, total done and whether today's (or this week's)
 *                      period is at risk, as of the user's today: a streak broken since the last
 *                      completion reads 0 even before any job has run
 * @param strength      the habit strength in [0, 1] (Loop Habit Tracker's score), or {@code NaN}
 *                      where a read did not compute it (the dashboard)
 * @param lastCompleted the latest done day, or null
 */
public record Habit(
        String id,
        String name,
        String description,
        Frequency frequency,
        LocalTime preferredTime,
        boolean reminderEnabled,
        HabitStatus status,
        StreakSummary streak,
        double strength,
        LocalDate lastCompleted,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
