package io.habitcoach.spring.boot;

import io.habitcoach.jooq.HabitCoach;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * Schedules Habit Coach's retention tasks when {@code habitcoach.retention.enabled=true} (off by
 * default): purge of users soft-deleted long enough ago, deletion of expired sessions, deletion of old
 * analytics events. Kept apart from {@link HabitCoachAutoConfiguration} so either can change alone.
 */
@AutoConfiguration(after = HabitCoachAutoConfiguration.class)
@ConditionalOnBean(HabitCoach.class)
@ConditionalOnProperty(prefix = "habitcoach.retention", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(HabitCoachRetentionProperties.class)
public class HabitCoachRetentionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Retention habitCoachRetention(HabitCoach coach, HabitCoachRetentionProperties properties) {
        return new Retention(coach, properties);
    }

    /** The scheduled retention tasks, on a one-thread scheduler of their own. */
    public static class Retention implements SmartLifecycle {

        private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

        private final HabitCoach coach;
        private final HabitCoachRetentionProperties properties;
        private ThreadPoolTaskScheduler scheduler;
        private ScheduledFuture<?> scheduled;

        public Retention(HabitCoach coach, HabitCoachRetentionProperties properties) {
            this.coach = coach;
            this.properties = properties;
        }

        public HabitCoachRetentionProperties properties() {
            return properties;
        }

        /** Runs every configured task once, now, on the calling thread; a failure of one does not stop the others. */
        public void runOnce() {
            if (properties.purgeDeletedAfter() != null) {
                run("purgeDeletedBefore", () -> coach.privacy().purgeDeletedBefore(properties.purgeDeletedAfter()));
            }
            if (properties.deleteExpiredSessions()) {
                run("deleteExpired sessions", () -> coach.sessions().deleteExpired());
            }
            if (properties.analyticsMaxAge() != null) {
                run("analytics deleteOlderThan", () -> coach.analytics().deleteOlderThan(properties.analyticsMaxAge()));
            }
        }

        private static void run(String task, java.util.function.Supplier<Number> body) {
            try {
                LOG.info("Habit Coach retention {}: {} removed", task, body.get());
            } catch (RuntimeException e) {
                LOG.warn("Habit Coach retention {} failed; it runs again at the next interval", task, e);
            }
        }

        @Override
        public synchronized void start() {
            if (scheduled != null) {
                return;
            }
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("habitcoach-retention-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            PeriodicTrigger trigger = new PeriodicTrigger(properties.interval());
            trigger.setInitialDelay(properties.interval());
            scheduled = scheduler.schedule(this::runOnce, trigger);
        }

        @Override
        public synchronized void stop() {
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
            if (scheduler != null) {
                scheduler.shutdown();
                scheduler = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return scheduled != null;
        }
    }
}
