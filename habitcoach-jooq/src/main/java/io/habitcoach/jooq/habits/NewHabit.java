package io.habitcoach.jooq.habits;

import io.habitcoach.core.schedule.Frequency;
import java.time.LocalTime;

/**
 * What {@link HabitService#create(String, NewHabit)} needs: a name and a frequency.
 *
 * <pre>{@code
 * NewHabit.builder().name("Run").frequency(Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY)).build()
 * }</pre>
 */
public record NewHabit(String name, String description, Frequency frequency, LocalTime preferredTime,
        boolean reminderEnabled) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewHabit}. */
    public static final class Builder {
        private String name;
        private String description;
        private Frequency frequency;
        private LocalTime preferredTime;
        private boolean reminderEnabled;

        private Builder() {
        }

        /** 1 to 200 characters after trimming. */
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

        /** When to remind the user, in whole minutes of their local day (stored as {@code HH:MM}). */
        public Builder preferredTime(LocalTime preferredTime) {
            this.preferredTime = preferredTime;
            return this;
        }

        public Builder reminderEnabled(boolean reminderEnabled) {
            this.reminderEnabled = reminderEnabled;
            return this;
        }

        public NewHabit build() {
            return new NewHabit(name, description, frequency, preferredTime, reminderEnabled);
        }
    }
}
