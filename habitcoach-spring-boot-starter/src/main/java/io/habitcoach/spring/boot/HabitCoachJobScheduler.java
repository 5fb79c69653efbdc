package io.habitcoach.spring.boot;

import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.jobs.CoachJobs;
import io.habitcoach.jooq.HabitCoach;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * Runs {@code HabitCoach.jobs()} ({@code sweepMissed}, then {@code weeklyAnalysis}) on a schedule while
 * the application context runs. Created by the auto-configuration when {@code habitcoach.jobs.enabled}
 * is true; uses the application's {@link TaskScheduler} when it has exactly one, else a one-thread
 * scheduler of its own. A failed run is logged and the next one runs as scheduled.
 */
public class HabitCoachJobScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HabitCoachJobScheduler.class);

    private final HabitCoach coach;
    private final CoachJobs jobs;
    private final Trigger trigger;
    private final TaskScheduler sharedScheduler;
    private ThreadPoolTaskScheduler ownScheduler;
    private ScheduledFuture<?> scheduled;
    private volatile Instant lastRunEnded;

    /**
     * @param coach     whose jobs to run
     * @param trigger   when to run them
     * @param scheduler the scheduler to run them on, or null for one of its own
     */
    public HabitCoachJobScheduler(HabitCoach coach, Trigger trigger, TaskScheduler scheduler) {
        this(coach, coach.jobs(), trigger, scheduler);
    }

    /**
     * @param coach     whose clock stamps the runs
     * @param jobs      the jobs to run: {@code coach.jobs()}, perhaps with other batch sizes or parallelism
     * @param trigger   when to run them
     * @param scheduler the scheduler to run them on, or null for one of its own
     */
    public HabitCoachJobScheduler(HabitCoach coach, CoachJobs jobs, Trigger trigger, TaskScheduler scheduler) {
        this.coach = Objects.requireNonNull(coach, "coach");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.sharedScheduler = scheduler;
    }

    /** The jobs this scheduler runs. */
    public CoachJobs jobs() {
        return jobs;
    }

    /** The trigger for {@code habitcoach.jobs.*}: the cron expression when set, else the interval. */
    public static Trigger trigger(HabitCoachProperties.Jobs jobs) {
        if (jobs.cron() != null && !jobs.cron().isBlank()) {
            return new CronTrigger(jobs.cron().trim());
        }
        Duration interval = jobs.interval();
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("habitcoach.jobs.interval must be positive, got " + interval);
        }
        PeriodicTrigger periodic = new PeriodicTrigger(interval);
        periodic.setInitialDelay(interval);
        return periodic;
    }

    /** Runs both jobs once, now, on the calling thread; a failure of one is logged and does not stop the other. */
    public void runJobs() {
        try {
            CoachJobResult sweep = jobs.sweepMissed();
            LOG.debug("Habit Coach sweepMissed: {}", sweep);
        } catch (RuntimeException e) {
            LOG.warn("Habit Coach job sweepMissed failed; it runs again at the next trigger", e);
        }
        try {
            CoachJobResult weekly = jobs.weeklyAnalysis();
            LOG.debug("Habit Coach weeklyAnalysis: {}", weekly);
        } catch (RuntimeException e) {
            LOG.warn("Habit Coach job weeklyAnalysis failed; it runs again at the next trigger", e);
        }
        lastRunEnded = coach.clock().instant();
    }

    /** When the last run of {@link #runJobs()} ended (by the coach's clock), failed jobs included; empty before the first. */
    public Optional<Instant> lastRunEnded() {
        return Optional.ofNullable(lastRunEnded);
    }

    @Override
    public synchronized void start() {
        if (scheduled != null) {
            return;
        }
        TaskScheduler scheduler = sharedScheduler;
        if (scheduler == null) {
            ownScheduler = new ThreadPoolTaskScheduler();
            ownScheduler.setPoolSize(1);
            ownScheduler.setThreadNamePrefix("habitcoach-jobs-");
            ownScheduler.setDaemon(true);
            ownScheduler.initialize();
            scheduler = ownScheduler;
        }
        scheduled = scheduler.schedule(this::runJobs, trigger);
        LOG.info("Habit Coach jobs scheduled: {}", trigger);
    }

    @Override
    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (ownScheduler != null) {
            ownScheduler.shutdown();
            ownScheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduled != null;
    }
}
