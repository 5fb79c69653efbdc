package io.habitcoach.jooq.internal.metrics;

import io.habitcoach.jooq.internal.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * {@link Instrumentation} on Micrometer: operations are {@link Observation}s (a timer per name and
 * tags through the host's meter handler, a span with a tracing bridge), counts are counters. Loaded
 * only when the host gave a registry, so Micrometer stays an optional dependency.
 */
public final class MicrometerInstrumentation implements Instrumentation {

    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    private MicrometerInstrumentation(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    /**
     * @param meters       the host's MeterRegistry, or null: then counters are not kept
     * @param observations the host's ObservationRegistry, or null: then one of our own records the
     *                     operations' timers in {@code meters}
     */
    public static Instrumentation of(Object meters, Object observations) {
        MeterRegistry meterRegistry = (MeterRegistry) meters;
        ObservationRegistry observationRegistry = (ObservationRegistry) observations;
        if (observationRegistry == null) {
            observationRegistry = ObservationRegistry.create();
            observationRegistry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        }
        return new MicrometerInstrumentation(observationRegistry, meterRegistry);
    }

    @Override
    public Timing start(String name, String... tags) {
        Observation observation = Observation.createNotStarted(name, observations);
        for (int i = 0; i + 1 < tags.length; i += 2) {
            observation.lowCardinalityKeyValue(tags[i], tags[i + 1]);
        }
        observation.start();
        return new Timing() {
            @Override
            public void stop(String outcome) {
                observation.lowCardinalityKeyValue("outcome", outcome).stop();
            }

            @Override
            public void error(Throwable error, String outcome) {
                observation.lowCardinalityKeyValue("outcome", outcome).error(error).stop();
            }
        };
    }

    @Override
    public void count(String name, String... tags) {
        count(name, 1, tags);
    }

    @Override
    public void count(String name, double amount, String... tags) {
        if (meters != null) {
            meters.counter(name, tags).increment(amount);
        }
    }
}
