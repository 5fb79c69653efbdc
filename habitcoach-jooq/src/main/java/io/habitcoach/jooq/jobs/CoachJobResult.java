package io.habitcoach.jooq.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one run of a {@link CoachJobs} job did.
 *
 * @param job              {@code "sweepMissed"}, {@code "weeklyAnalysis"} or {@code "rebuildHabitCaches"}
 * @param asOf             the instant the run judged "closed" by
 * @param usersProcessed   distinct users the run looked at in detail (owners of the habits it checked, or
 *                         the users whose week it checked; for the rebuild, the owners of the habits read)
 * @param habitsProcessed  habits the run looked at in detail (checked: the due habits it claimed, or the
 *                         habits of the users whose week it analysed; for the rebuild, every habit of a
 *                         live user it read and recomputed)
 * @param eventsRaised     coach events this run stored; an event stored before (by an earlier run or
 *                         by another node at the same time) is not counted again
 * @param streaksRefreshed habits whose cached {@code current_streak} the run brought up to date
 *                         (always 0 for the weekly analysis); for the rebuild, the habits whose cache
 *                         columns or due instant were wrong and were written (a right row is not)
 * @param batches          transactions the work was split into
 * @param elapsed          wall-clock time of the run
 * @param due              what the due scans found: habits ({@code sweepMissed}) or users
 *                         ({@code weeklyAnalysis}) whose period had closed by {@code asOf} and that no
 *                         run had looked at yet; 0 when nothing was due. A row another run claimed
 *                         first is counted here but not in {@code habitsProcessed}/{@code usersProcessed};
 *                         for the rebuild, the habits read
 * @param scanElapsed      wall-clock time spent in the due scans (the index range reads), out of
 *                         {@code elapsed} (0 for the rebuild, which has no scan apart from its batches)
 */
public record CoachJobResult(String job, Instant asOf, int usersProcessed, int habitsProcessed, int eventsRaised,
        int streaksRefreshed, int batches, Duration elapsed, int due, Duration scanElapsed) {

    public CoachJobResult {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(scanElapsed, "scanElapsed");
    }
}
