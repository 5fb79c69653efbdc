package io.habitcoach.benchmarks;

import io.habitcoach.jooq.internal.Ids;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Row id generation (issue 20): {@link Ids#next} with its per-thread buffered SecureRandom (DRBG)
 * beside the previous ThreadLocalRandom version, to show that an id stays far below the cost of
 * the statement that writes it (a completion takes about a millisecond).
 * {@code java -jar benchmarks/target/benchmarks.jar IdsBenchmark -t 1} (and {@code -t 4}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IdsBenchmark {

    private final Ids ids = Ids.create(Clock.systemUTC());
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong last = new AtomicLong();

    @Benchmark
    public String secureRandomIds() {
        return ids.next();
    }

    /** The code before issue 20, for comparison. */
    @Benchmark
    public String threadLocalRandomIds() {
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, clock.millis() << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
