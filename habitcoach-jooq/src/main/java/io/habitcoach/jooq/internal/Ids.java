package io.habitcoach.jooq.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Row ids: time-ordered UUIDs (version 7 layout), so that new rows land at the right edge of the
 * primary-key index instead of on random pages. Ids are not secrets; session tokens use
 * {@link java.security.SecureRandom} elsewhere.
 */
public final class Ids {

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis = clock.millis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
