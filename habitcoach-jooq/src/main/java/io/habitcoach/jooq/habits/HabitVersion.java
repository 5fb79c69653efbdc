package io.habitcoach.jooq.habits;

import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A habit as it was from {@code validFrom} until {@code validTo} (the audit trail of issue 17).
 *
 * @param version      1 for the habit as created, then one more per change
 * @param scheduleFrom the user's local day from which this version's frequency applies (the past before
 *                     it keeps the frequency in force then; docs/rules.md, "Schedule changes")
 * @param validFrom    when this version was written
 * @param validTo      when the next one replaced it; null for the current version
 */
public record HabitVersion(
        String habitId,
        int version,
        String name,
        String description,
        Frequency frequency,
        HabitStatus status,
        LocalTime preferredTime,
        boolean reminderEnabled,
        LocalDate scheduleFrom,
        OffsetDateTime validFrom,
        OffsetDateTime validTo) {
}
