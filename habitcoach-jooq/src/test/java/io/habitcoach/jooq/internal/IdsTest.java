package io.habitcoach.jooq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    /** ThreadLocalRandom (JDK 17+): seed += (thread id << 1) + GOLDEN_GAMMA, then mix64(seed) is the output. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    @Test
    void oneIdDoesNotPredictTheNext() {
        // issue 20: with ThreadLocalRandom the random half of one id gave away the generator's state
        // (mix64 is invertible), so the next id of that thread could be computed
        Ids ids = Ids.create(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
        long gamma = GOLDEN_GAMMA + (Thread.currentThread().getId() << 1);
        int predicted = 0;
        for (int i = 0; i < 50; i++) {
            long first = UUID.fromString(ids.next()).getLeastSignificantBits();
            long second = UUID.fromString(ids.next()).getLeastSignificantBits();
            for (long top = 0; top < 4; top++) {
                long output = (first & 0x3FFFFFFFFFFFFFFFL) | (top << 62);
                long next = mix64(unmix64(output) + gamma);
                if (((next & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L) == second) {
                    predicted++;
                }
            }
        }
        assertThat(predicted).isZero();
    }

    @Test
    void idsAreVersion7VariantOneUniqueAndIncreasing() {
        Ids ids = Ids.create(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static long unmix64(long z) {
        z = z ^ (z >>> 33);
        z *= inverse(0xc4ceb9fe1a85ec53L);
        z = z ^ (z >>> 33);
        z *= inverse(0xff51afd7ed558ccdL);
        return z ^ (z >>> 33);
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }
}
