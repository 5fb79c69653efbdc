package io.habitcoach.jooq.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a run cuts its due rows into batches and works them, several at once. */
class JobsBatchesTest {

    @Test
    void aUsersRowsAreNeverSplitBetweenTwoBatches() {
        List<String> rows = List.of("a", "a", "b", "b", "b", "c", "d", "d", "e");
        assertThat(Jobs.batchesByUser(rows, 2, r -> r)).containsExactly(List.of("a", "a"), List.of("b", "b", "b"),
                List.of("c", "d", "d"), List.of("e"));
        assertThat(Jobs.batchesByUser(rows, 100, r -> r)).containsExactly(rows);
        assertThat(Jobs.batchesByUser(List.<String>of(), 3, r -> r)).isEmpty();
    }

    @Test
    void batchesRunAtOnceAndTheirResultsComeBackInOrder() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        try (Jobs.Workers workers = new Jobs.Workers("test", 2)) {
            List<Integer> results = workers.each(List.of(1, 2), n -> {
                bothStarted.countDown();
                try {
                    // each waits for the other: only two threads at once get past this
                    assertThat(bothStarted.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return n * 10;
            });
            assertThat(results).containsExactly(10, 20);
        }
    }

    @Test
    void theFirstFailureIsThrownAfterTheRunningBatchesEndAndNoNewOneStarts() {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        try (Jobs.Workers workers = new Jobs.Workers("test", 2)) {
            assertThatThrownBy(() -> workers.each(List.of(1, 2, 3, 4, 5, 6, 7, 8), n -> {
                ran.add(n);
                if (n == 1) {
                    throw new IllegalArgumentException("batch 1 failed");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return n;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("batch 1 failed");
        }
        assertThat(ran).contains(1).hasSizeLessThan(8);
    }

    @Test
    void oneWorkerRunsTheBatchesOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        try (Jobs.Workers workers = new Jobs.Workers("test", 1)) {
            assertThat(workers.each(List.of(1, 2, 3), n -> Thread.currentThread() == caller)).containsOnly(true);
        }
    }
}
