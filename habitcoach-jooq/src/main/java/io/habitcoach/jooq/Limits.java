package io.habitcoach.jooq;

import io.habitcoach.core.InvalidInputException;

/**
 * Per-user caps, set with {@link HabitCoach.Builder#limits(Limits)}: creating one more habit, goal,
 * subtask of a goal or conversation than allowed is refused with
 * {@link io.habitcoach.core.LimitExceededException} and writes nothing. Every stored row counts,
 * archived ones too (they are still held, exported and listed). The count and the insert run in one
 * transaction under a lock (the user's row; for subtasks the goal's), so concurrent calls cannot pass a
 * cap together. The defaults are far above what a person uses and bound what one account can make the
 * service store, list and export (issue 20).
 *
 * <pre>{@code
 * HabitCoach.configure().limits(Limits.builder().maxHabitsPerUser(100).build())
 * }</pre>
 *
 * @param maxHabitsPerUser        habits per user, default {@value #DEFAULT_HABITS}
 * @param maxGoalsPerUser         goals per user, default {@value #DEFAULT_GOALS}
 * @param maxSubtasksPerGoal      subtasks per goal, default {@value #DEFAULT_SUBTASKS_PER_GOAL}
 * @param maxConversationsPerUser chat conversations per user, default {@value #DEFAULT_CONVERSATIONS}
 */
public record Limits(int maxHabitsPerUser, int maxGoalsPerUser, int maxSubtasksPerGoal, int maxConversationsPerUser) {

    public static final int DEFAULT_HABITS = 500;
    public static final int DEFAULT_GOALS = 200;
    public static final int DEFAULT_SUBTASKS_PER_GOAL = 100;
    public static final int DEFAULT_CONVERSATIONS = 1_000;
    /** The largest cap accepted for any of them. */
    public static final int MAX = 1_000_000;

    public Limits {
        check("maxHabitsPerUser", maxHabitsPerUser);
        check("maxGoalsPerUser", maxGoalsPerUser);
        check("maxSubtasksPerGoal", maxSubtasksPerGoal);
        check("maxConversationsPerUser", maxConversationsPerUser);
    }

    /** The defaults: 500 habits, 200 goals, 100 subtasks per goal, 1,000 conversations. */
    public static Limits defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void check(String field, int value) {
        InvalidInputException.require(value >= 1 && value <= MAX, field, "1 to " + MAX + ", got " + value);
    }

    /** Builds {@link Limits}; each setter refuses 0, negative values and values over {@link #MAX}. */
    public static final class Builder {
        private int habits = DEFAULT_HABITS;
        private int goals = DEFAULT_GOALS;
        private int subtasks = DEFAULT_SUBTASKS_PER_GOAL;
        private int conversations = DEFAULT_CONVERSATIONS;

        private Builder() {
        }

        public Builder maxHabitsPerUser(int max) {
            check("maxHabitsPerUser", max);
            this.habits = max;
            return this;
        }

        public Builder maxGoalsPerUser(int max) {
            check("maxGoalsPerUser", max);
            this.goals = max;
            return this;
        }

        public Builder maxSubtasksPerGoal(int max) {
            check("maxSubtasksPerGoal", max);
            this.subtasks = max;
            return this;
        }

        public Builder maxConversationsPerUser(int max) {
            check("maxConversationsPerUser", max);
            this.conversations = max;
            return this;
        }

        public Limits build() {
            return new Limits(habits, goals, subtasks, conversations);
        }
    }
}
