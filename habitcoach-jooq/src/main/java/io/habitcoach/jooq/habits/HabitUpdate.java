package io.habitcoach.jooq.habits;

import io.habitcoach.core.schedule.Frequency;
import java.time.LocalTime;

/**
 * A change of a habit: null components are left as they are. A new frequency applies to the whole
 * history (streaks are recomputed with it).
 */
public record HabitUpdate(String name, String description, Frequency frequency, LocalTime preferredTime,
        Boolean reminderEnabled, boolean clearPreferredTime) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HabitUpdate}. */
    public static final class Builder {
        private String name;
        private String description;
        private Frequency frequency;
        private LocalTime preferredTime;
        private Boolean reminderEnabled;
        private boolean clearPreferredTime;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder frequency(Frequency frequency) {
            this.frequency = frequency;
            return this;
        }

        public Builder preferredTime(LocalTime preferredTime) {
            this.preferredTime = preferredTime;
            return this;
        }

        public Builder clearPreferredTime() {
            this.clearPreferredTime = true;
            return this;
        }

        public Builder reminderEnabled(boolean reminderEnabled) {
            this.reminderEnabled = reminderEnabled;
            return this;
        }

        public HabitUpdate build() {
            return new HabitUpdate(name, description, frequency, preferredTime, reminderEnabled, clearPreferredTime);
        }
    }
}
