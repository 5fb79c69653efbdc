package io.habitcoach.core.goal;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.SubtaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.habitcoach.core.model.SubtaskStatus.COMPLETED;
import static io.habitcoach.core.model.SubtaskStatus.IN_PROGRESS;
import static io.habitcoach.core.model.SubtaskStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalRulesTest {

    private static final Instant NOW = Instant.parse("2024-03-04T12:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}: allowed {2}")
    @CsvSource({
            "PENDING,     IN_PROGRESS, true",
            "PENDING,     COMPLETED,   true",
            "IN_PROGRESS, COMPLETED,   true",
            "COMPLETED,   IN_PROGRESS, true",
            "COMPLETED,   PENDING,     true",
            "IN_PROGRESS, PENDING,     false",
            "PENDING,     PENDING,     true",
    })
    void subtaskMoves(SubtaskStatus from, SubtaskStatus to, boolean allowed) {
        SubtaskState state = new SubtaskState(from, from == COMPLETED ? NOW.minusSeconds(60) : null);
        assertThat(state.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            SubtaskState moved = state.moveTo(to, NOW);
            assertThat(moved.status()).isEqualTo(to);
            // completed_at is set on completion, cleared on reopening, kept on a repeat
            if (to != COMPLETED) {
                assertThat(moved.completedAt()).isNull();
            } else {
                assertThat(moved.completedAt()).isEqualTo(from == COMPLETED ? NOW.minusSeconds(60) : NOW);
            }
        } else {
            assertThatThrownBy(() -> state.moveTo(to, NOW))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
        }
    }

    @Test
    void theNamedMoves() {
        SubtaskState done = SubtaskState.pending().start().complete(NOW);
        assertThat(done).isEqualTo(new SubtaskState(COMPLETED, NOW));
        assertThat(done.complete(NOW.plusSeconds(5))).isEqualTo(done);
        assertThat(done.reopen()).isEqualTo(new SubtaskState(IN_PROGRESS, null));
        assertThat(SubtaskState.pending().reopen()).isEqualTo(SubtaskState.pending());
        assertThatThrownBy(() -> new SubtaskState(COMPLETED, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SubtaskState(PENDING, NOW)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void progressCountsTheCompletedSubtasks() {
        GoalProgress progress = GoalProgress.of(List.of(COMPLETED, IN_PROGRESS, PENDING, COMPLETED));
        assertThat(progress).isEqualTo(new GoalProgress(4, 2));
        assertThat(progress.allCompleted()).isFalse();
        assertThat(progress.fraction()).isEqualTo(0.5);
        assertThat(GoalProgress.of(List.of()).allCompleted()).isFalse(); // a goal needs at least one subtask
        assertThat(GoalProgress.of(List.of(COMPLETED)).allCompleted()).isTrue();
        assertThatThrownBy(() -> new GoalProgress(1, 2)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aGoalCompletesWithItsLastSubtaskAndReopensWithAnyOfThem() {
        GoalProgress twoOfThree = new GoalProgress(3, 2);
        GoalProgress all = new GoalProgress(3, 3);
        assertThat(all.nextStatus(GoalStatus.ACTIVE, twoOfThree, true)).isEqualTo(GoalStatus.COMPLETED);
        assertThat(all.nextStatus(GoalStatus.ACTIVE, twoOfThree, false)).isEqualTo(GoalStatus.ACTIVE);
        assertThat(twoOfThree.nextStatus(GoalStatus.COMPLETED, all, true)).isEqualTo(GoalStatus.ACTIVE);
        // a new subtask added to a completed goal reopens it as well
        assertThat(new GoalProgress(4, 3).nextStatus(GoalStatus.COMPLETED, all, true)).isEqualTo(GoalStatus.ACTIVE);
        // archived goals stay archived; a goal completed by hand stays completed while nothing reopens
        assertThat(all.nextStatus(GoalStatus.ARCHIVED, twoOfThree, true)).isEqualTo(GoalStatus.ARCHIVED);
        assertThat(new GoalProgress(3, 1).nextStatus(GoalStatus.COMPLETED, twoOfThree, false))
                .isEqualTo(GoalStatus.COMPLETED);
    }

    @Test
    void theDeadlineMayNotBeBeforeTheStartDate() {
        assertThat(new GoalPeriod(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 4)).deadline())
                .isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(new GoalPeriod(LocalDate.of(2024, 3, 4), null).deadline()).isNull();
        assertThatThrownBy(() -> new GoalPeriod(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 3)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("deadline");
                    assertThat(e.allowed()).contains("2024-03-04");
                });
    }
}
