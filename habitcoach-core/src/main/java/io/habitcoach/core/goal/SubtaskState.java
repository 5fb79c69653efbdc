package io.habitcoach.core.goal;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.model.SubtaskStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A goal subtask's status with its completion instant, and the moves between them:
 * {@code pending -> in_progress -> completed}, completing straight from {@code pending}, and reopening
 * a completed subtask (back to {@code in_progress} or {@code pending}). {@code completedAt} is set on
 * completion and cleared on reopening, so it is present exactly when the status is completed.
 *
 * <p>Moving to the status a subtask already has changes nothing (a repeated tap keeps the first
 * completion instant). The one move refused is {@code in_progress -> pending}: work that started is
 * finished or stays in progress.
 *
 * @param status      the status
 * @param completedAt when it was completed; non-null exactly when {@code status} is completed
 */
public record SubtaskState(SubtaskStatus status, Instant completedAt) {

    public SubtaskState {
        InvalidInputException.requirePresent(status, "status");
        InvalidInputException.require((status == SubtaskStatus.COMPLETED) == (completedAt != null), "completedAt",
                "set if and only if the status is completed (status is " + status.code() + ")");
    }

    /** A new subtask. */
    public static SubtaskState pending() {
        return new SubtaskState(SubtaskStatus.PENDING, null);
    }

    /** Whether the move from this status to {@code target} is allowed (a move to the same status is). */
    public boolean canMoveTo(SubtaskStatus target) {
        Objects.requireNonNull(target, "target");
        return !(status == SubtaskStatus.IN_PROGRESS && target == SubtaskStatus.PENDING);
    }

    /**
     * The state after moving to {@code target} at {@code now}. Throws an {@link InvalidInputException}
     * for the {@code status} field when the move is not allowed. {@code now} is only read (and required)
     * when the move completes the subtask.
     */
    public SubtaskState moveTo(SubtaskStatus target, Instant now) {
        InvalidInputException.requirePresent(target, "status");
        if (target == status) {
            return this;
        }
        if (!canMoveTo(target)) {
            throw new InvalidInputException("status", "from " + status.code() + " a subtask may move to "
                    + SubtaskStatus.COMPLETED.code() + "; got " + target.code());
        }
        return new SubtaskState(target, target == SubtaskStatus.COMPLETED ? Objects.requireNonNull(now, "now") : null);
    }

    /** Moves a pending subtask to in progress (or reopens a completed one as in progress). */
    public SubtaskState start() {
        return moveTo(SubtaskStatus.IN_PROGRESS, null);
    }

    public SubtaskState complete(Instant now) {
        return moveTo(SubtaskStatus.COMPLETED, now);
    }

    /** Reopens a completed subtask as in progress; a subtask that is not completed is returned as is. */
    public SubtaskState reopen() {
        return status == SubtaskStatus.COMPLETED ? new SubtaskState(SubtaskStatus.IN_PROGRESS, null) : this;
    }
}
