package io.habitcoach.examples.plainjava;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still where the script puts it. Habit Coach reads "now" only from the
 * {@link Clock} it is given, so a host (or a test) can replay weeks in a second.
 */
final class ScriptedClock extends Clock {

    private volatile Instant now;

    ScriptedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    void set(Instant instant) {
        this.now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
