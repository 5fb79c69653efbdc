package io.habitcoach.jooq.users;

import io.habitcoach.jooq.accounts.PasswordHasher;

import io.habitcoach.core.model.Plan;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * What {@link UserService#create(NewUser)} needs. Only the email is required.
 *
 * <pre>{@code
 * NewUser.builder().email("ana@example.com").timezone("America/Sao_Paulo").language("pt-BR").build()
 * }</pre>
 */
public record NewUser(
        String email,
        String name,
        String timezone,
        String language,
        String personality,
        Plan plan,
        LocalTime dayStart,
        DayOfWeek firstDayOfWeek,
        String passwordHash) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewUser}; the defaults are the seed's. */
    public static final class Builder {
        private String email;
        private String name;
        private String timezone = "America/Sao_Paulo";
        private String language = "pt-BR";
        private String personality;
        private Plan plan = Plan.FREE;
        private LocalTime dayStart = LocalTime.MIDNIGHT;
        private DayOfWeek firstDayOfWeek = DayOfWeek.MONDAY;
        private String passwordHash;

        private Builder() {
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** An IANA zone id such as {@code America/Sao_Paulo} (default). */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        /** A BCP 47 language tag, {@code pt-BR} by default. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** A registered personality id; by default the registry's default ({@code yoda} when habitcoach-ai is present). */
        public Builder personality(String personality) {
            this.personality = personality;
            return this;
        }

        public Builder plan(Plan plan) {
            this.plan = plan;
            return this;
        }

        /** When the user's day starts, 00:00 by default; from 00:00 to 12:00. */
        public Builder dayStart(LocalTime dayStart) {
            this.dayStart = dayStart;
            return this;
        }

        public Builder firstDayOfWeek(DayOfWeek firstDayOfWeek) {
            this.firstDayOfWeek = firstDayOfWeek;
            return this;
        }

        /** A password hash made by the host's {@code PasswordHasher}; null for OAuth-only users. */
        public Builder passwordHash(String passwordHash) {
            this.passwordHash = passwordHash;
            return this;
        }

        public NewUser build() {
            return new NewUser(email, name, timezone, language, personality, plan, dayStart, firstDayOfWeek,
                    passwordHash);
        }
    }
}
