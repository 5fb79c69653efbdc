package io.habitcoach.jooq.internal;

/**
 * The library's one seam for metrics and traces, with a no-op default ({@link #NONE}): the services
 * call it at a few points and know nothing of Micrometer, which stays optional (see
 * {@code internal.metrics.MicrometerInstrumentation} and {@code docs/observability.md}). Names and tag
 * values are the constants of {@link Meters}.
 */
public interface Instrumentation {

    Instrumentation NONE = new Instrumentation() {
    };

    /** Starts timing (and, with an ObservationRegistry, tracing) one operation; stop the result once. */
    default Timing start(String name, String... tagKeysAndValues) {
        return Timing.NONE;
    }

    /** Adds one to a counter. */
    default void count(String name, String... tagKeysAndValues) {
    }

    /** Adds {@code amount} to a counter. */
    default void count(String name, double amount, String... tagKeysAndValues) {
    }

    /** One running operation. */
    interface Timing {

        Timing NONE = new Timing() {
            @Override
            public void stop(String outcome) {
            }

            @Override
            public void error(Throwable error, String outcome) {
            }
        };

        /** Ends the operation with its {@code outcome} tag. */
        void stop(String outcome);

        /** Ends the operation with {@code error} (recorded on the span) and its {@code outcome} tag. */
        void error(Throwable error, String outcome);
    }
}
