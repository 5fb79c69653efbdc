package io.habitcoach.core.goal;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.SubtaskStatus;

import java.util.Collection;
import java.util.Objects;

/**
 * A goal's subtask counts ({@code goals.total_subtasks}, {@code goals.completed_subtasks}) and the
 * status they lead to.
 *
 * @param total     the number of subtasks
 * @param completed the number of completed subtasks
 */
public record GoalProgress(int total, int completed) {

    public GoalProgress {
        InvalidInputException.require(total >= 0 && completed >= 0 && completed <= total, "completedSubtasks",
                "between 0 and the number of subtasks (" + total + "), got " + completed);
    }

    /** The counts over the statuses of all of a goal's subtasks. */
    public static GoalProgress of(Collection<SubtaskStatus> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        int completed = 0;
        for (SubtaskStatus status : statuses) {
            if (Objects.requireNonNull(status, "status") == SubtaskStatus.COMPLETED) {
                completed++;
            }
        }
        return new GoalProgress(statuses.size(), completed);
    }

    /** At least one subtask, and all of them completed. */
    public boolean allCompleted() {
        return total > 0 && completed == total;
    }

    /** completed / total, 0 for a goal without subtasks. */
    public double fraction() {
        return total == 0 ? 0.0 : (double) completed / total;
    }

    /**
     * The goal's status after its subtasks went from {@code before} to this progress:
     * <ul>
     *   <li>an archived goal stays archived;</li>
     *   <li>all subtasks completed (at least one) completes the goal, unless {@code autoComplete} is off;</li>
     *   <li>a completed goal whose subtasks were all completed and no longer are (a subtask reopened, or
     *       one added) is active again;</li>
     *   <li>otherwise the status is unchanged.</li>
     * </ul>
     * The caller sets {@code goals.completed_at} when this returns {@code COMPLETED} for a goal that was
     * not, and clears it when a completed goal becomes {@code ACTIVE}.
     */
    public GoalStatus nextStatus(GoalStatus current, GoalProgress before, boolean autoComplete) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(before, "before");
        if (current == GoalStatus.ARCHIVED) {
            return current;
        }
        if (allCompleted() && autoComplete) {
            return GoalStatus.COMPLETED;
        }
        if (current == GoalStatus.COMPLETED && before.allCompleted() && !allCompleted()) {
            return GoalStatus.ACTIVE;
        }
        return current;
    }
}
