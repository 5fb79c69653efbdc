package io.habitcoach.jooq.goals;

import io.habitcoach.core.model.SubtaskStatus;
import java.time.OffsetDateTime;

/** A step of a goal. {@code completedAt} is set while, and only while, it is completed. */
public record Subtask(
        String id,
        String goalId,
        String title,
        String description,
        Integer estimatedDays,
        String successCriteria,
        int order,
        SubtaskStatus status,
        OffsetDateTime completedAt) {
}
