package io.habitcoach.jooq.internal;

import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The user's "today" from the injected clock, their zone and their day start. */
public final class Days {

    private Days() {
    }

    public static LocalDate today(Clock clock, UsersRecord user) {
        LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), ZoneId.of(user.getTimezone()));
        return local.minusHours(user.getDayStart().getHour()).minusMinutes(user.getDayStart().getMinute())
                .toLocalDate();
    }
}
