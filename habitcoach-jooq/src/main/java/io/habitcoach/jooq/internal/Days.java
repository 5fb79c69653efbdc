package io.habitcoach.jooq.internal;

import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The user's day as core defines it, from a users row. */
public final class Days {

    private Days() {
    }

    public static UserDay userDay(UsersRecord user) {
        return new UserDay(ZoneId.of(user.getTimezone()), user.getDayStart());
    }

    public static LocalDate today(Clock clock, UsersRecord user) {
        return userDay(user).today(clock);
    }
}
