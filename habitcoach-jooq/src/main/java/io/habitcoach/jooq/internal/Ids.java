package io.habitcoach.jooq.internal;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row ids: time-ordered UUIDs (version 7 layout) that also increase monotonically within one
 * instance (a 12-bit sequence within the millisecond, as RFC 9562 allows), so that new rows land
 * at the right edge of the primary-key index, and rows written in one instance sort by id in the
 * order they were written even when the clock stands still.
 *
 * <p>The 62 random bits come from {@link SecureRandom}: ids appear in URLs and exports, and with
 * {@code ThreadLocalRandom} one id gave away the generator's state and so the next ids of that
 * thread. Each thread has its own DRBG instance (no lock shared between threads) and draws 512
 * bytes at a time, so an id costs a buffer read and, once in 64 ids, one DRBG call (see
 * {@code IdsBenchmark}).
 */
public final class Ids {

    private static final int BUFFER_BYTES = 512;
    private static final ThreadLocal<RandomBuffer> RANDOM = ThreadLocal.withInitial(RandomBuffer::new);

    private final Clock clock;
    /** The last (millisecond << 12 | sequence) handed out. */
    private final AtomicLong last = new AtomicLong();

    Ids(Clock clock) {
        this.clock = clock;
    }

    /** Ids stamped with {@code clock}'s time (a {@code HabitCoach}'s are made by {@link Context#create}). */
    public static Ids create(Clock clock) {
        return new Ids(clock);
    }

    public String next() {
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, clock.millis() << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (RANDOM.get().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** One thread's SecureRandom and a buffer of its output. */
    private static final class RandomBuffer {
        private final SecureRandom random = newRandom();
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).position(BUFFER_BYTES);

        long nextLong() {
            if (!buffer.hasRemaining()) {
                random.nextBytes(buffer.array());
                buffer.clear();
            }
            return buffer.getLong();
        }

        private static SecureRandom newRandom() {
            try {
                return SecureRandom.getInstance("DRBG"); // every JDK since 9; seeded from the OS
            } catch (NoSuchAlgorithmException e) {
                return new SecureRandom();
            }
        }
    }
}
