package io.habitcoach.spring.boot;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.jobs.CoachJobs;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code habitcoach.*} properties. Each one maps to an option of {@code HabitCoach.configure()}
 * (or of the language-model adapters, or of the job scheduler); the defaults are the library's.
 *
 * <pre>
 * habitcoach.migrate-on-start=true          # apply the Habit Coach migrations when the context starts
 * habitcoach.auto-complete-goals=true       # a goal completes itself with its last subtask
 * habitcoach.completion-cache-size=10000    # habits remembered between completions (0: none)
 * habitcoach.coach.timeout=10s              # longest wait for a language model reply (then: template)
 * habitcoach.coach.model-provider=auto      # which ChatModel bean: auto, spring-ai, langchain4j, none
 * habitcoach.coach.history-messages=20      # recent chat messages read for the model's prompt
 * habitcoach.coach.quota.free=20            # language-model replies per user and day, free plan
 * habitcoach.coach.quota.pro=500            # ... pro plan
 * habitcoach.jobs.enabled=false             # run the coach jobs (missed periods, weekly analyses)
 * habitcoach.jobs.interval=5m               # ... this long after the previous run ended
 * habitcoach.jobs.cron=                     # ... or on this cron expression instead
 * habitcoach.read-datasource.url=           # a streaming read replica for the reads that may be stale
 * habitcoach.read-datasource.username=      # ... its user and password
 * habitcoach.read-datasource.max-lag=10s    # ... reads go to the primary while it lags more
 * habitcoach.limits.max-habits-per-user=500          # per-user caps: the next one is refused
 * habitcoach.limits.max-goals-per-user=200           # (LimitExceededException), archived ones count
 * habitcoach.limits.max-subtasks-per-goal=100
 * habitcoach.limits.max-conversations-per-user=1000
 * </pre>
 *
 * @param migrateOnStart    whether the {@code HabitCoach} bean applies the migrations when it is created
 * @param autoCompleteGoals whether a goal completes itself when all its subtasks are completed
 * @param completionCacheSize how many habits this instance remembers between completions (0: none);
 *                          see {@code HabitCoach.Builder#completionCacheSize}
 * @param coach             the coach's language-model settings
 * @param jobs              the scheduling of the coach jobs
 * @param readDataSource    a read replica (docs/scale-out.md); unset: every read on the primary
 * @param limits            the per-user caps ({@code HabitCoach.Builder#limits})
 */
@ConfigurationProperties("habitcoach")
public record HabitCoachProperties(
        @DefaultValue("true") boolean migrateOnStart,
        @DefaultValue("true") boolean autoCompleteGoals,
        @DefaultValue("10000") int completionCacheSize,
        @DefaultValue Coach coach,
        @DefaultValue Jobs jobs,
        @DefaultValue ReadDataSource readDataSource,
        @DefaultValue Limits limits) {

    /**
     * The coach's language-model settings. Without a language model the coach answers from its
     * templates, and neither the timeout nor the quota applies.
     *
     * @param timeout         the longest wait for a model reply before the template message is used
     * @param historyMessages how many recent messages of a conversation are read for the model's prompt
     * @param quota           daily model replies per plan
     * @param defaultPersonality the personality id of users created without one (and of stored ids
     *                        no longer registered); unset: {@code yoda}, the seed schema's default
     * @param eventsByModel   whether the language model also writes event messages (completions,
     *                        milestones, misses, goals, weekly analyses) after commit; needs a
     *                        {@code ChatModel} or {@code CoachModel} bean
     * @param modelProvider   which {@code ChatModel} bean becomes the coach's model when the application
     *                        declares no {@code CoachModel}: {@code auto} (the only one present; with both a
     *                        Spring AI and a LangChain4j one the startup fails and names this property),
     *                        {@code spring-ai}, {@code langchain4j}, or {@code none} (template messages only)
     */
    public record Coach(
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("20") int historyMessages,
            @DefaultValue Quota quota,
            String defaultPersonality,
            @DefaultValue("false") boolean eventsByModel,
            @DefaultValue("auto") String modelProvider) {
    }

    /**
     * Language-model replies a user may get per day (their local day), by plan.
     *
     * @param free the limit of the free plan
     * @param pro  the limit of the pro plan
     */
    public record Quota(
            @DefaultValue("20") int free,
            @DefaultValue("500") int pro) {
    }

    /**
     * The scheduling of {@code HabitCoach.jobs()}: both jobs run one after the other, on one thread.
     * They are idempotent, so running them on every node of a cluster is safe.
     *
     * @param enabled  whether the jobs are scheduled at all
     * @param interval the delay between the end of one run and the start of the next (the first run
     *                 starts one interval after the context started)
     * @param cron     a Spring cron expression (six fields, e.g. {@code 0 0/5 * * * *}) used instead
     *                 of {@code interval} when set
     * @param parallelism    batches a run works on at once, each on its own pooled connection (1 to 16;
     *                       {@code CoachJobs.withParallelism})
     * @param habitsPerBatch habits per transaction of the missed-period sweep (1 to 10,000)
     * @param usersPerBatch  users per transaction of the weekly analysis (1 to 10,000)
     */
    public record Jobs(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("5m") Duration interval,
            String cron,
            @DefaultValue("" + CoachJobs.DEFAULT_PARALLELISM) int parallelism,
            @DefaultValue("" + CoachJobs.DEFAULT_HABITS_PER_BATCH) int habitsPerBatch,
            @DefaultValue("" + CoachJobs.DEFAULT_USERS_PER_BATCH) int usersPerBatch) {

        /**
         * The coach's jobs with these batch sizes and parallelism. A value out of range is refused with
         * the property's name and what the jobs allow (their own check, so the ranges live in one place).
         */
        public CoachJobs configure(CoachJobs jobs) {
            CoachJobs configured;
            try {
                configured = jobs.withParallelism(parallelism);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("habitcoach.jobs.parallelism", e.allowed());
            }
            try {
                return configured.withBatchSizes(habitsPerBatch, usersPerBatch);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("habitcoach.jobs." + (e.field().equals("habitsPerBatch")
                        ? "habits-per-batch" : "users-per-batch"), e.allowed());
            }
        }
    }

    /**
     * A streaming read replica of the application's database, pooled by the starter (HikariCP):
     * the reads that may be a little stale go there, with read-your-writes (docs/scale-out.md). A
     * {@code DataSource} bean named {@code habitCoachReadDataSource} is used instead when there is one.
     *
     * @param url             the replica's JDBC URL; unset: no replica
     * @param username        its user
     * @param password        its password
     * @param maximumPoolSize the pool's size
     * @param maxLag          reads go to the primary while the replica lags more than this
     * @param checkInterval   how often the replica's lag is checked
     */
    public record ReadDataSource(
            String url,
            String username,
            String password,
            @DefaultValue("10") int maximumPoolSize,
            @DefaultValue("10s") Duration maxLag,
            @DefaultValue("1s") Duration checkInterval) {
    }

    /**
     * Per-user caps (issue 20): creating one more habit, goal, subtask of a goal or conversation than
     * allowed is refused with {@code LimitExceededException} and writes nothing. Each must be 1 or more
     * (0 or a negative value fails the start).
     *
     * @param maxHabitsPerUser        habits per user, archived ones included
     * @param maxGoalsPerUser         goals per user, archived ones included
     * @param maxSubtasksPerGoal      subtasks per goal
     * @param maxConversationsPerUser chat conversations per user, archived ones included
     */
    public record Limits(
            @DefaultValue("500") int maxHabitsPerUser,
            @DefaultValue("200") int maxGoalsPerUser,
            @DefaultValue("100") int maxSubtasksPerGoal,
            @DefaultValue("1000") int maxConversationsPerUser) {
    }
}
