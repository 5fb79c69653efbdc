package io.habitcoach.jooq.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row ids: time-ordered UUIDs (version 7 layout) that also increase monotonically within one
 * instance (a 12-bit sequence within the millisecond, as RFC 9562 allows), so that new rows land
 * at the right edge of the primary-key index, and rows written in one instance sort by id in the
 * order they were written even when the clock stands still. Ids are not secrets; session tokens
 * use {@link java.security.SecureRandom} elsewhere.
 */
public final class Ids {

    private final Clock clock;
    /** The last (millisecond << 12 | sequence) handed out. */
    private final AtomicLong last = new AtomicLong();

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, clock.millis() << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
