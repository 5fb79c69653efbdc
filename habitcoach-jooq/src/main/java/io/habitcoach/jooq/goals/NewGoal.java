package io.habitcoach.jooq.goals;

import io.habitcoach.core.model.GoalCategory;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link GoalService#create(String, NewGoal)} needs: a title and a category; the start date
 * defaults to the user's today; subtasks may be given at once.
 */
public record NewGoal(String title, String description, GoalCategory category, LocalDate startDate,
        LocalDate deadline, List<NewSubtask> subtasks) {

    public NewGoal {
        if (subtasks != null && subtasks.contains(null)) {
            throw new io.habitcoach.core.InvalidInputException("subtasks", "subtasks without null entries");
        }
        subtasks = subtasks == null ? List.of() : List.copyOf(subtasks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewGoal}. */
    public static final class Builder {
        private String title;
        private String description;
        private GoalCategory category = GoalCategory.OTHER;
        private LocalDate startDate;
        private LocalDate deadline;
        private final java.util.ArrayList<NewSubtask> subtasks = new java.util.ArrayList<>();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder category(GoalCategory category) {
            this.category = category;
            return this;
        }

        /** The start date; the user's today when not set. */
        public Builder startDate(LocalDate startDate) {
            this.startDate = startDate;
            return this;
        }

        /** The deadline; not before the start date. */
        public Builder deadline(LocalDate deadline) {
            this.deadline = deadline;
            return this;
        }

        /** Adds a subtask with just a title. */
        public Builder subtask(String title) {
            return subtask(NewSubtask.builder().title(title).build());
        }

        public Builder subtask(NewSubtask subtask) {
            this.subtasks.add(subtask);
            return this;
        }

        public NewGoal build() {
            return new NewGoal(title, description, category, startDate, deadline, subtasks);
        }
    }
}
