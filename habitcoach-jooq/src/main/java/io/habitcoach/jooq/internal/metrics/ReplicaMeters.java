package io.habitcoach.jooq.internal.metrics;

import io.habitcoach.jooq.internal.Meters;
import io.habitcoach.jooq.internal.ReplicaRouter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The read replica's counters ({@link ReplicaRouter#counts()}, what {@code ReadReplica.stats()}
 * returns) as Micrometer meters, read when the registry publishes (no cost on the read path):
 * function counters {@code habitcoach.replica.reads} by {@code target} and
 * {@code habitcoach.replica.fallbacks} by {@code reason}, gauges {@code habitcoach.replica.lag}
 * (seconds) and {@code habitcoach.replica.up}. Loaded only when the host gave a registry and a read
 * data source, like {@link MicrometerInstrumentation}. The meters hold the router weakly, as
 * Micrometer does by default: they read NaN once the coach is gone.
 */
public final class ReplicaMeters {

    private ReplicaMeters() {
    }

    /** Registers the meters over {@code router} in {@code meterRegistry} (a {@code MeterRegistry}). */
    public static void register(Object meterRegistry, ReplicaRouter router) {
        MeterRegistry meters = (MeterRegistry) meterRegistry;
        counter(meters, Meters.REPLICA_READS, router, r -> r.counts().replicaReads(),
                "target", "replica", "reads served by the read replica");
        counter(meters, Meters.REPLICA_READS, router, r -> primaryReads(r.counts()),
                "target", "primary", "replica-eligible reads sent to the primary instead");
        counter(meters, Meters.REPLICA_FALLBACKS, router, r -> r.counts().primaryReadsAwaitingReplay(),
                "reason", "awaiting_replay", "reads sent to the primary: the replica had not replayed the user's last write");
        counter(meters, Meters.REPLICA_FALLBACKS, router, r -> r.counts().fallbacksReplicaDown(),
                "reason", "replica_down", "reads sent to the primary: the replica was unreachable or failed the read");
        counter(meters, Meters.REPLICA_FALLBACKS, router, r -> r.counts().fallbacksReplicaLagging(),
                "reason", "replica_lagging", "reads sent to the primary: the replica lagged more than replicaMaxLag");
        Gauge.builder(Meters.REPLICA_LAG, router, ReplicaRouter::lagSeconds).baseUnit("seconds")
                .description("the read replica's lag at its last check (NaN while unreachable)").register(meters);
        Gauge.builder(Meters.REPLICA_UP, router, r -> r.up() ? 1 : 0)
                .description("1 when the read replica answered at its last check, else 0").register(meters);
    }

    private static long primaryReads(ReplicaRouter.Counts c) {
        return c.primaryReadsAwaitingReplay() + c.fallbacksReplicaDown() + c.fallbacksReplicaLagging();
    }

    private static void counter(MeterRegistry meters, String name, ReplicaRouter router,
            ToDoubleFunction<ReplicaRouter> count, String tag, String value, String description) {
        FunctionCounter.builder(name, router, count).tag(tag, value).description(description).register(meters);
    }
}
