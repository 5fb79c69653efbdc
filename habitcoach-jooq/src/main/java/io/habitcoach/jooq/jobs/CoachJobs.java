package io.habitcoach.jooq.jobs;

import io.habitcoach.jooq.HabitCoach;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.internal.Instants;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.CompletionPartitions;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Instrumentation;
import io.habitcoach.jooq.internal.Meters;
import io.habitcoach.jooq.jobs.internal.CacheRebuild;
import io.habitcoach.jooq.jobs.internal.JobMessages;
import io.habitcoach.jooq.jobs.internal.Jobs;
import io.habitcoach.jooq.jobs.internal.MissedSweep;
import io.habitcoach.jooq.jobs.internal.WeeklyAnalysisJob;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic coach jobs: plain methods a host calls from any scheduler (Spring {@code @Scheduled},
 * Quartz, cron, a loop), as often as it likes, on as many nodes as it likes. Each event is stored
 * exactly once: the database's unique key on {@code ai_messages (user_id, event_key)} decides, not
 * timing. Each run reads only what is due (habits and users whose period closed, through an index),
 * in a handful of SQL statements per batch, with short transactions. Obtain it from {@link HabitCoach#jobs()}; see {@code docs/jobs.md}.
 *
 * <ul>
 *   <li>{@link #sweepMissed(Instant)}: one {@code habit_fail} event per habit and missed period, for
 *       the latest period that closed; refreshes stale cached streaks.</li>
 *   <li>{@link #weeklyAnalysis(Instant)}: one {@code weekly_analysis} event per user and closed week.</li>
 * </ul>
 *
 * <p>Only the latest closed period is looked at: a run raises the misses of yesterday (or of last week
 * for per-week habits) and the analysis of the latest closed week. A period that closed while no job ran
 * for a whole period is not raised later; call the jobs every few minutes and that never happens.
 *
 * <p>Thread-safe. Progress is logged through SLF4J ({@code io.habitcoach.jooq.jobs.CoachJobs} at INFO per
 * run, {@code io.habitcoach.jooq.internal} at DEBUG per batch).
 */
public final class CoachJobs {

    /** Habits per transaction of {@link #sweepMissed}. */
    public static final int DEFAULT_HABITS_PER_BATCH = 500;

    /** Users per transaction of {@link #weeklyAnalysis}. */
    public static final int DEFAULT_USERS_PER_BATCH = 200;

    /** Batches a run works on at once, each in its own transaction on its own connection. */
    public static final int DEFAULT_PARALLELISM = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CoachJobs.class);

    private final Context ctx;
    private final JobMessages messages;
    private final int habitsPerBatch;
    private final int usersPerBatch;
    private final int usersPerChunk;
    private final int parallelism;

    /** Internal: hosts get this from {@link io.habitcoach.jooq.HabitCoach}. */
    public CoachJobs(Context ctx, CoachRecorder coach) {
        this(ctx, JobMessages.create(ctx, coach), DEFAULT_HABITS_PER_BATCH, DEFAULT_USERS_PER_BATCH,
                Jobs.USERS_PER_CHUNK, DEFAULT_PARALLELISM);
    }

    private CoachJobs(Context ctx, JobMessages messages, int habitsPerBatch, int usersPerBatch, int usersPerChunk,
            int parallelism) {
        this.ctx = ctx;
        this.messages = messages;
        this.habitsPerBatch = habitsPerBatch;
        this.usersPerBatch = usersPerBatch;
        this.usersPerChunk = usersPerChunk;
        this.parallelism = parallelism;
    }

    /**
     * These jobs with other batch sizes: smaller batches hold row locks for less time, larger ones take
     * fewer round trips. Each from 1 to 10,000.
     */
    public CoachJobs withBatchSizes(int habitsPerBatch, int usersPerBatch) {
        InvalidInputException.require(habitsPerBatch >= 1 && habitsPerBatch <= 10_000, "habitsPerBatch",
                "from 1 to 10000, got " + habitsPerBatch);
        InvalidInputException.require(usersPerBatch >= 1 && usersPerBatch <= 10_000, "usersPerBatch",
                "from 1 to 10000, got " + usersPerBatch);
        return new CoachJobs(ctx, messages, habitsPerBatch, usersPerBatch, usersPerChunk, parallelism);
    }

    /**
     * These jobs working on up to {@code batches} batches at once (default {@value #DEFAULT_PARALLELISM}),
     * each in its own transaction on its own connection from the pool: a run with much due work (the
     * first sweep after midnight in a large zone) uses that many connections and database cores; 1
     * works batch after batch on the calling thread. The batches of one run hold disjoint rows, so this
     * changes no result. From 1 to 16.
     */
    public CoachJobs withParallelism(int batches) {
        InvalidInputException.require(batches >= 1 && batches <= 16, "batches", "from 1 to 16, got " + batches);
        return new CoachJobs(ctx, messages, habitsPerBatch, usersPerBatch, usersPerChunk, batches);
    }

    /** Batches a run works on at once ({@link #withParallelism}). */
    public int parallelism() {
        return parallelism;
    }

    /** Habits per transaction of {@link #sweepMissed} ({@link #withBatchSizes}). */
    public int habitsPerBatch() {
        return habitsPerBatch;
    }

    /** Users per transaction of {@link #weeklyAnalysis} ({@link #withBatchSizes}). */
    public int usersPerBatch() {
        return usersPerBatch;
    }

    /** Tests: these jobs reading the due rows in pages of {@code usersPerChunk} (default 2,000). */
    CoachJobs withChunkSize(int usersPerChunk) {
        InvalidInputException.require(usersPerChunk >= 1, "usersPerChunk", "at least 1, got " + usersPerChunk);
        return new CoachJobs(ctx, messages, habitsPerBatch, usersPerBatch, usersPerChunk, parallelism);
    }

    /** {@link #sweepMissed(Instant)} as of the configured clock's now. */
    public CoachJobResult sweepMissed() {
        return sweepMissed(ctx.clock().instant());
    }

    /**
     * For every active habit of every live user whose latest scheduled period closed by {@code asOf}
     * (yesterday in the user's zone and day start when it was scheduled, or last week for a
     * {@code per_week} habit) without a done or skipped entry and outside a pause, stores one
     * {@code habit_fail} event (key {@code habit_fail:<habit id>:<period start>}); and wherever the cached
     * {@code current_streak} is stale, sets it to the streak as of the user's today. Running it again, or
     * on two nodes at once, stores no event twice.
     */
    public CoachJobResult sweepMissed(Instant asOf) {
        Instants.storable("asOf", asOf);
        CoachJobResult result = observed("sweep_missed",
                () -> MissedSweep.create(ctx, messages, habitsPerBatch, usersPerChunk, parallelism).run(asOf));
        LOG.info("sweepMissed as of {}: {} habits due (scan {} ms), {} users and {} habits processed, {} events raised,"
                        + " {} streaks refreshed, {} batches, {} ms", asOf, result.due(),
                result.scanElapsed().toMillis(), result.usersProcessed(), result.habitsProcessed(),
                result.eventsRaised(), result.streaksRefreshed(), result.batches(), result.elapsed().toMillis());
        return result;
    }

    /** {@link #weeklyAnalysis(Instant)} as of the configured clock's now. */
    public CoachJobResult weeklyAnalysis() {
        return weeklyAnalysis(ctx.clock().instant());
    }

    /**
     * For every live user whose latest week (by their first day of week, zone and day start) closed by
     * {@code asOf} and who had a habit (not archived) before it closed, stores one {@code weekly_analysis}
     * event built from core's weekly reports of their habits (key {@code weekly:<week start>}). Running
     * it again, or on two nodes at once, stores no analysis twice.
     */
    public CoachJobResult weeklyAnalysis(Instant asOf) {
        Instants.storable("asOf", asOf);
        CoachJobResult result = observed("weekly_analysis",
                () -> WeeklyAnalysisJob.create(ctx, messages, usersPerBatch, usersPerChunk, parallelism).run(asOf));
        LOG.info("weeklyAnalysis as of {}: {} users due (scan {} ms), {} users and {} habits processed,"
                        + " {} events raised, {} batches, {} ms", asOf, result.due(), result.scanElapsed().toMillis(),
                result.usersProcessed(), result.habitsProcessed(), result.eventsRaised(), result.batches(),
                result.elapsed().toMillis());
        return result;
    }

    /**
     * Maintenance, not a periodic job: rebuilds every habit's cached streak columns and due instant
     * from its entries, pauses and schedule versions, as {@code habits().recompute(userId, habitId)}
     * does for one habit, for a host that imported entries by SQL or edited the caches by hand
     * (docs/operations.md). Walks the habits of live users in key order in batches of the habits batch
     * size ({@link #withBatchSizes}, default 500), one short transaction each with a fixed number of
     * statements; each batch's habit rows are locked ({@code FOR NO KEY UPDATE}) while it reads and
     * writes them, so a completion of the same habit at the same time ends consistent. Only rows whose
     * caches were wrong are written: {@link CoachJobResult#streaksRefreshed()} counts them,
     * {@link CoachJobResult#habitsProcessed()} the habits read. Safe to run while the application
     * serves users, and again (a second run writes nothing).
     */
    public CoachJobResult rebuildHabitCaches() {
        Instant asOf = ctx.clock().instant();
        CoachJobResult result = observed("rebuild_habit_caches", () -> CacheRebuild.create(ctx, habitsPerBatch).run(asOf));
        LOG.info("rebuildHabitCaches as of {}: {} users and {} habits read, {} habits rewritten, {} batches, {} ms",
                asOf, result.usersProcessed(), result.habitsProcessed(), result.streaksRefreshed(), result.batches(),
                result.elapsed().toMillis());
        return result;
    }

    /** {@link #ensureCompletionPartitions(Instant)} as of the configured clock's now. */
    public int ensureCompletionPartitions() {
        return ensureCompletionPartitions(ctx.clock().instant());
    }

    /**
     * Keeps the yearly partitions of {@code habit_completions} ahead of the calendar: creates last
     * year's, this year's and next year's partition when missing (rows of such a year that sit in the
     * DEFAULT partition move into it). Returns how many partitions were created; usually 0, one
     * statement. Call it daily or weekly with the other jobs; {@link HabitCoach#migrate()} calls it too.
     * See {@code docs/schema.md}, "Partitioning".
     */
    public int ensureCompletionPartitions(Instant asOf) {
        Instants.storable("asOf", asOf);
        int created = CompletionPartitions.ensure(ctx.db(), asOf);
        if (created > 0) {
            LOG.info("ensureCompletionPartitions as of {}: {} partitions of habit_completions created", asOf, created);
        }
        return created;
    }

    private CoachJobResult observed(String job, java.util.function.Supplier<CoachJobResult> run) {
        Instrumentation.Timing timing = ctx.instrumentation().start(Meters.JOB, "job", job);
        try {
            CoachJobResult result = run.get();
            timing.stop("ok");
            ctx.instrumentation().count(Meters.JOB_USERS, result.usersProcessed(), "job", job);
            ctx.instrumentation().count(Meters.JOB_EVENTS, result.eventsRaised(), "job", job);
            return result;
        } catch (RuntimeException e) {
            timing.error(e, "error");
            throw e;
        }
    }
}
