package io.habitcoach.jooq.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one run of a {@link CoachJobs} job did.
 *
 * @param job              {@code "sweepMissed"} or {@code "weeklyAnalysis"}
 * @param asOf             the instant the run judged "closed" by
 * @param usersProcessed   distinct users the run looked at in detail (due users)
 * @param habitsProcessed  habits the run looked at in detail
 * @param eventsRaised     coach events this run stored; an event stored before (by an earlier run or
 *                         by another node at the same time) is not counted again
 * @param streaksRefreshed habits whose cached {@code current_streak} the run brought up to date
 *                         (always 0 for the weekly analysis)
 * @param batches          transactions the work was split into
 * @param elapsed          wall-clock time of the run
 */
public record CoachJobResult(String job, Instant asOf, int usersProcessed, int habitsProcessed, int eventsRaised,
        int streaksRefreshed, int batches, Duration elapsed) {

    public CoachJobResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
