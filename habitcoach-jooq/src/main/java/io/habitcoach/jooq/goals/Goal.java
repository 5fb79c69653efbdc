package io.habitcoach.jooq.goals;

import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.GoalStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A goal with its subtasks in their order. {@code totalSubtasks} and {@code completedSubtasks}
 * always equal the counts of {@code subtasks}.
 */
public record Goal(
        String id,
        String title,
        String description,
        GoalCategory category,
        LocalDate startDate,
        LocalDate deadline,
        int totalSubtasks,
        int completedSubtasks,
        GoalStatus status,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Subtask> subtasks) {

    public Goal {
        subtasks = List.copyOf(subtasks);
    }

    /** The share of subtasks completed, 0 when there are none. */
    public double progress() {
        return totalSubtasks == 0 ? 0 : (double) completedSubtasks / totalSubtasks;
    }
}
