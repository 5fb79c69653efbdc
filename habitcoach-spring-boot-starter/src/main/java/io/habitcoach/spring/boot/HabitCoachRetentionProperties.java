package io.habitcoach.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code habitcoach.retention.*}: the starter's retention schedule, off by default (issue 20). Each
 * task runs only when its property is set; a task that fails is logged and runs again next time.
 *
 * @param enabled             whether to schedule retention at all (default false)
 * @param interval            how often it runs (default one day; the first run one interval after start)
 * @param purgeDeletedAfter   erase users soft-deleted longer ago than this ({@code PrivacyService.purgeDeletedBefore});
 *                            unset: never (the period is the controller's legal decision)
 * @param deleteExpiredSessions delete expired sessions ({@code SessionService.deleteExpired}; default true)
 * @param analyticsMaxAge     delete analytics events older than this ({@code AnalyticsService.deleteOlderThan}); unset: keep
 */
@ConfigurationProperties("habitcoach.retention")
public record HabitCoachRetentionProperties(boolean enabled, Duration interval, Duration purgeDeletedAfter,
                                            Boolean deleteExpiredSessions, Duration analyticsMaxAge) {

    public HabitCoachRetentionProperties {
        if (interval == null) {
            interval = Duration.ofDays(1);
        }
        if (deleteExpiredSessions == null) {
            deleteExpiredSessions = true;
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("habitcoach.retention.interval must be positive, got " + interval);
        }
    }
}
