package io.habitcoach.jooq.users;

import io.habitcoach.core.model.Plan;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A change of a user's profile and preferences: every null component is left as it is.
 *
 * <pre>{@code
 * coach.users().update(userId, UserUpdate.builder().timezone("Asia/Tokyo").build());
 * }</pre>
 */
public record UserUpdate(
        String name,
        String timezone,
        String language,
        String personality,
        Plan plan,
        LocalTime dayStart,
        DayOfWeek firstDayOfWeek) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link UserUpdate}. */
    public static final class Builder {
        private String name;
        private String timezone;
        private String language;
        private String personality;
        private Plan plan;
        private LocalTime dayStart;
        private DayOfWeek firstDayOfWeek;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder personality(String personality) {
            this.personality = personality;
            return this;
        }

        public Builder plan(Plan plan) {
            this.plan = plan;
            return this;
        }

        public Builder dayStart(LocalTime dayStart) {
            this.dayStart = dayStart;
            return this;
        }

        public Builder firstDayOfWeek(DayOfWeek firstDayOfWeek) {
            this.firstDayOfWeek = firstDayOfWeek;
            return this;
        }

        public UserUpdate build() {
            return new UserUpdate(name, timezone, language, personality, plan, dayStart, firstDayOfWeek);
        }
    }
}
