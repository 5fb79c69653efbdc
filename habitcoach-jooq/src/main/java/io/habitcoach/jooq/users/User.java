package io.habitcoach.jooq.users;

import io.habitcoach.core.model.Plan;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A user as the services see them. Secrets (the password hash) are never part of it.
 *
 * @param timezone       the IANA zone the user's days are counted in
 * @param language       a BCP 47 tag, e.g. {@code pt-BR}; the coach answers in it
 * @param personality    the id of the chosen coach personality
 * @param dayStart       when the user's day starts (a night owl's 04:00 keeps 02:30 on the previous day)
 * @param firstDayOfWeek the first day of the user's calendar week
 */
public record User(
        String id,
        String email,
        String name,
        ZoneId timezone,
        String language,
        String personality,
        Plan plan,
        LocalTime dayStart,
        DayOfWeek firstDayOfWeek,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
