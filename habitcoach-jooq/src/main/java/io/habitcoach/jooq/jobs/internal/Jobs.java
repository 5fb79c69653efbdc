package io.habitcoach.jooq.jobs.internal;

import io.habitcoach.jooq.HabitCoachDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the coach jobs share. */
public final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** Attempts per batch: a deadlock or serialization failure is retried, anything else is not. */
    static final int ATTEMPTS = 3;

    /**
     * Due rows per page, by default: each job reads what is due in pages of this many rows, in the order
     * of its due index ({@code (next_check_at, id)} or {@code (next_weekly_at, id)}), one range scan each,
     * and works each page off in batches.
     */
    public static final int USERS_PER_CHUNK = 2_000;

    private Jobs() {
    }

    /** {@code list} cut into consecutive pieces of at most {@code size}. */
    static <T> List<List<T>> batches(List<T> list, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            batches.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return batches;
    }

    /**
     * {@code list} (sorted by user) cut into consecutive pieces of about {@code size}: a piece ends at
     * the first change of user from {@code size} items on, so that a user's items are never split
     * between two batches (which may run at the same time: one user's messages are written by one
     * transaction, which sees the earlier ones, as one by one would).
     */
    static <T> List<List<T>> batchesByUser(List<T> list, int size, Function<T, String> user) {
        List<List<T>> batches = new ArrayList<>();
        int from = 0;
        while (from < list.size()) {
            int to = Math.min(list.size(), from + size);
            while (to < list.size() && user.apply(list.get(to)).equals(user.apply(list.get(to - 1)))) {
                to++;
            }
            batches.add(list.subList(from, to));
            from = to;
        }
        return batches;
    }

    /** The threads a run's batches run on: {@code parallelism} of them, or the caller alone when 1. */
    static final class Workers implements AutoCloseable {

        private static final AtomicInteger RUNS = new AtomicInteger();

        private final ExecutorService pool;

        Workers(String job, int parallelism) {
            if (parallelism <= 1) {
                pool = null;
                return;
            }
            int run = RUNS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            pool = Executors.newFixedThreadPool(parallelism, task -> {
                Thread t = new Thread(task, "habitcoach-" + job + "-" + run + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        /**
         * Runs {@code work} on each batch, up to the parallelism at once, and returns the results in the
         * batches' order. Batches hold disjoint rows (each locks its own, in key order), so running them
         * at once neither doubles nor deadlocks anything. On a failure, the batches not started yet are
         * not started, those running finish, and the first failure is thrown (committed batches stay,
         * as in a sequential run; the next run does the rest).
         */
        <T, R> List<R> each(List<T> batches, Function<T, R> work) {
            List<R> results = new ArrayList<>();
            if (pool == null || batches.size() <= 1) {
                for (T batch : batches) {
                    results.add(work.apply(batch));
                }
                return results;
            }
            List<Future<R>> futures = new ArrayList<>();
            for (T batch : batches) {
                futures.add(pool.submit(() -> work.apply(batch)));
            }
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                if (failure != null) {
                    future.cancel(false);
                    continue;
                }
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a coach job batch failed", e.getCause());
                    for (Future<R> later : futures) {
                        later.cancel(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while a coach job ran", e);
                }
            }
            if (failure != null) {
                // the batches that were running finish (their transactions commit or roll back) first
                for (Future<R> future : futures) {
                    try {
                        if (!future.isCancelled()) {
                            future.get();
                        }
                    } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                        // the first failure is the one reported
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                throw failure;
            }
            return results;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /**
     * Runs one batch's transaction, again after a transient failure (deadlock, serialization failure,
     * lost connection). A retried batch re-checks everything, so a retry never doubles an event.
     */
    static <T> T withRetry(String job, Supplier<T> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return batch.get();
            } catch (HabitCoachDataException e) {
                if (!e.isRetryable() || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warn("{}: a batch failed transiently (attempt {} of {}), retrying: {}", job, attempt, ATTEMPTS,
                        e.getMessage());
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
