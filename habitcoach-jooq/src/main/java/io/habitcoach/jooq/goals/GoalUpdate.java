package io.habitcoach.jooq.goals;

import io.habitcoach.core.model.GoalCategory;
import java.time.LocalDate;

/** A change of a goal: null components are left as they are; {@code clearDeadline} removes it. */
public record GoalUpdate(String title, String description, GoalCategory category, LocalDate startDate,
        LocalDate deadline, boolean clearDeadline) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GoalUpdate}. */
    public static final class Builder {
        private String title;
        private String description;
        private GoalCategory category;
        private LocalDate startDate;
        private LocalDate deadline;
        private boolean clearDeadline;

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

        public Builder startDate(LocalDate startDate) {
            this.startDate = startDate;
            return this;
        }

        public Builder deadline(LocalDate deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder clearDeadline() {
            this.clearDeadline = true;
            return this;
        }

        public GoalUpdate build() {
            return new GoalUpdate(title, description, category, startDate, deadline, clearDeadline);
        }
    }
}
