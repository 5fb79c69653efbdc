package io.habitcoach.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Meters and the health indicator of the auto-configured coach, on Spring Boot 3's Actuator API. */
class HabitCoachObservabilityAutoConfigurationTest {

    private static HabitCoachTestDatabase migrated;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HabitCoachAutoConfiguration.class,
                    HabitCoachObservabilityAutoConfiguration.class))
            // Boot 4's health API is on this module's compile class path only: hide it, as on Boot 3.
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"));

    @BeforeAll
    static void database() {
        migrated = HabitCoachTestDatabase.create(4);
    }

    @AfterAll
    static void dropDatabase() {
        migrated.close();
    }

    private static DataSource unclosable(DataSource dataSource) {
        return new DelegatingDataSource(dataSource);
    }

    private static void completeAHabit(HabitCoach coach) {
        String user = coach.users().create(NewUser.builder().email("u" + UUID.randomUUID() + "@example.com").build()).id();
        String habit = coach.habits().create(user, NewHabit.builder().name("Read").frequency(Frequency.daily()).build()).id();
        coach.habits().complete(user, habit, coach.dashboards().dashboard(user).today());
    }

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("habitcoachHealthIndicator", HealthIndicator.class).health();
    }

    @Test
    void theApplicationsMeterRegistryGetsTheHabitcoachMeters() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    completeAHabit(context.getBean(HabitCoach.class));
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.find("habitcoach.complete").tag("outcome", "new").timer().count()).isEqualTo(1);
                });
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("habitcoach.metrics.enabled=false")
                .run(context -> {
                    completeAHabit(context.getBean(HabitCoach.class));
                    assertThat(context.getBean(MeterRegistry.class).find("habitcoach.complete").timer()).isNull();
                });
    }

    @Test
    void aReadReplicaBeanGetsItsMetersInTheApplicationsRegistry() {
        // the "replica" is the primary database itself (not in recovery): it serves every replica read
        runner.withBean("dataSource", DataSource.class, () -> unclosable(migrated.dataSource()),
                        definition -> definition.setPrimary(true))
                .withBean(HabitCoachAutoConfiguration.READ_DATA_SOURCE, DataSource.class,
                        () -> unclosable(migrated.dataSource()))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HabitCoach coach = context.getBean(HabitCoach.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    completeAHabit(coach);   // its dashboard read goes to the replica
                    assertThat(meters.get("habitcoach.replica.reads").tag("target", "replica").functionCounter().count())
                            .isPositive().isEqualTo((double) coach.readReplica().stats().replicaReads());
                    assertThat(meters.get("habitcoach.replica.fallbacks").tag("reason", "replica_down").functionCounter()
                            .count()).isZero();
                    assertThat(meters.get("habitcoach.replica.up").gauge().value()).isEqualTo(1);
                    assertThat(meters.get("habitcoach.replica.lag").gauge().value()).isZero();
                });
        // no replica: no replica meters
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    completeAHabit(context.getBean(HabitCoach.class));
                    assertThat(context.getBean(MeterRegistry.class).find("habitcoach.replica.reads").meters()).isEmpty();
                });
    }

    @Test
    void withoutMicrometerOrActuatorTheCoachStartsWithoutThem() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.actuate",
                        "org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class)
                            .doesNotHaveBean(HabitCoachBuilderCustomizer.class)
                            .doesNotHaveBean("habitcoachHealthIndicator");
                    completeAHabit(context.getBean(HabitCoach.class));
                });
    }

    @Test
    void healthIsDownWhileTheSchemaIsBehindAndUpOnceMigrated() {
        try (HabitCoachTestDatabase empty = HabitCoachTestDatabase.createEmpty()) {
            runner.withBean(DataSource.class, () -> unclosable(empty.dataSource()))
                    .withPropertyValues("habitcoach.migrate-on-start=false")
                    .run(context -> {
                        Health behind = health(context);
                        assertThat(behind.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(behind.getDetails()).containsEntry("schema", "behind");
                        assertThat(behind.getDetails().get("pendingMigrations")).asList().contains("1");
                        context.getBean(HabitCoach.class).migrate();
                        Health latest = health(context);
                        assertThat(latest.getStatus()).isEqualTo(Status.UP);
                        assertThat(latest.getDetails()).containsEntry("schema", "latest")
                                .containsEntry("jobs", "not scheduled in this application");
                    });
        }
    }

    @Test
    void healthIsUnknownBeforeTheFirstJobRunThenReportsItsAge() {
        runner.withBean(DataSource.class, () -> unclosable(migrated.dataSource()))
                .withPropertyValues("habitcoach.jobs.enabled=true", "habitcoach.jobs.interval=1h")
                .run(context -> {
                    assertThat(health(context).getStatus()).isEqualTo(Status.UNKNOWN);
                    context.getBean(HabitCoachJobScheduler.class).runJobs();
                    Health after = health(context);
                    assertThat(after.getStatus()).isEqualTo(Status.UP);
                    assertThat(after.getDetails()).containsKeys("lastJobRunEnded", "lastJobRunAge");
                });
    }
}
