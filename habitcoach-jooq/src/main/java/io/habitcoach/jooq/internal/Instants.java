package io.habitcoach.jooq.internal;

import io.habitcoach.core.InvalidInputException;
import java.time.Instant;

/** Instants a caller passes in: PostgreSQL's timestamptz (and java.time's offsets) span years 1 to 9999. */
public final class Instants {

    public static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-30T23:59:59Z");

    private Instants() {
    }

    public static Instant storable(String field, Instant instant) {
        InvalidInputException.requirePresent(instant, field);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(field, "an instant from " + EARLIEST + " to " + LATEST + ", got " + instant);
        }
        return instant;
    }
}
