package io.habitcoach.jooq.goals;

import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.GoalStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A goal as it was from {@code validFrom} until {@code validTo} (the audit trail of issue 17). Subtask
 * counters are not versioned: the subtasks carry their own state.
 *
 * @param version   1 for the goal as created, then one more per change
 * @param validFrom when this version was written
 * @param validTo   when the next one replaced it; null for the current version
 */
public record GoalVersion(
        String goalId,
        int version,
        String title,
        String description,
        GoalCategory category,
        LocalDate startDate,
        LocalDate deadline,
        GoalStatus status,
        OffsetDateTime completedAt,
        OffsetDateTime validFrom,
        OffsetDateTime validTo) {
}
