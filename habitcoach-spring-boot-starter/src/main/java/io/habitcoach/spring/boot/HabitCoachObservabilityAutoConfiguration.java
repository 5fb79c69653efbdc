package io.habitcoach.spring.boot;

import io.habitcoach.jooq.HabitCoach;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics, traces and health for the auto-configured {@link HabitCoach}, each part only when its
 * library is on the class path: with Micrometer (e.g. Actuator), the application's {@code MeterRegistry}
 * and {@code ObservationRegistry} go to {@code HabitCoach.configure()} (meters {@code habitcoach.*},
 * see docs/observability.md); with Actuator's health support, a {@code habitcoach} health indicator
 * (Spring Boot 3's or Spring Boot 4's API, whichever is present). {@code habitcoach.metrics.enabled=false}
 * turns the meters off. Apart from {@link HabitCoachAutoConfiguration}, so that each stays small.
 */
@AutoConfiguration(after = HabitCoachAutoConfiguration.class)
@ConditionalOnClass(HabitCoach.class)
@ConditionalOnProperty(prefix = "habitcoach", name = "enabled", matchIfMissing = true)
public class HabitCoachObservabilityAutoConfiguration {

    /** The registries go to the builder; looked up when the coach is built, so no ordering is needed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(prefix = "habitcoach.metrics", name = "enabled", matchIfMissing = true)
    static class MicrometerConfiguration {

        @Bean
        HabitCoachBuilderCustomizer habitCoachMicrometerCustomizer(ObjectProvider<MeterRegistry> meters,
                                                                  ObjectProvider<ObservationRegistry> observations) {
            return builder -> {
                meters.ifUnique(builder::meterRegistry);
                observations.ifUnique(registry -> {
                    if (!registry.isNoop()) {
                        builder.observationRegistry(registry);
                    }
                });
            };
        }
    }

    /** Spring Boot 3.x Actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3HealthConfiguration {

        @Bean
        @ConditionalOnBean(HabitCoach.class)
        @ConditionalOnMissingBean(name = "habitcoachHealthIndicator")
        org.springframework.boot.actuate.health.HealthIndicator habitcoachHealthIndicator(
                HabitCoach coach, ObjectProvider<HabitCoachJobScheduler> jobs) {
            HabitCoachHealth health = new HabitCoachHealth(coach, jobs.getIfUnique());
            return () -> {
                HabitCoachHealth.Report report = health.check();
                return org.springframework.boot.actuate.health.Health
                        .status(report.status()).withDetails(report.details()).build();
            };
        }
    }

    /** Spring Boot 4.x: health is its own module. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4HealthConfiguration {

        @Bean
        @ConditionalOnBean(HabitCoach.class)
        @ConditionalOnMissingBean(name = "habitcoachHealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator habitcoachHealthIndicator(
                HabitCoach coach, ObjectProvider<HabitCoachJobScheduler> jobs) {
            HabitCoachHealth health = new HabitCoachHealth(coach, jobs.getIfUnique());
            return () -> {
                HabitCoachHealth.Report report = health.check();
                return org.springframework.boot.health.contributor.Health
                        .status(report.status()).withDetails(report.details()).build();
            };
        }
    }
}
