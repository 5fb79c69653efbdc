package io.habitcoach.jooq.goals;

/** What a new subtask needs: a title; the rest is optional. */
public record NewSubtask(String title, String description, Integer estimatedDays, String successCriteria) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewSubtask}. */
    public static final class Builder {
        private String title;
        private String description;
        private Integer estimatedDays;
        private String successCriteria;

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

        public Builder estimatedDays(Integer estimatedDays) {
            this.estimatedDays = estimatedDays;
            return this;
        }

        public Builder successCriteria(String successCriteria) {
            this.successCriteria = successCriteria;
            return this;
        }

        public NewSubtask build() {
            return new NewSubtask(title, description, estimatedDays, successCriteria);
        }
    }
}
