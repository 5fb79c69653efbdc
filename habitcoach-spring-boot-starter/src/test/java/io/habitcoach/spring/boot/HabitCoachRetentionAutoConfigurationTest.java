package io.habitcoach.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The retention schedule (issue 20): off by default, and when on, each configured task does its job. */
class HabitCoachRetentionAutoConfigurationTest {

    private static HabitCoachTestDatabase database;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HabitCoachAutoConfiguration.class,
                    HabitCoachRetentionAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DelegatingDataSource(database.dataSource()));

    @BeforeAll
    static void database() {
        database = HabitCoachTestDatabase.create(4);   // migrate-on-start holds more than two connections at once
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class)
                .doesNotHaveBean(HabitCoachRetentionAutoConfiguration.Retention.class));
    }

    @Test
    void whenEnabledItPurgesDeletedUsersAndOldAnalytics() {
        runner.withPropertyValues("habitcoach.retention.enabled=true", "habitcoach.retention.purge-deleted-after=0s",
                "habitcoach.retention.analytics-max-age=30d").run(context -> {
            assertThat(context).hasNotFailed();
            var retention = context.getBean(HabitCoachRetentionAutoConfiguration.Retention.class);
            assertThat(retention.isRunning()).isTrue();
            assertThat(retention.properties().interval()).isEqualTo(Duration.ofDays(1));
            HabitCoach coach = context.getBean(HabitCoach.class);
            String gone = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
            String kept = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
            coach.users().delete(gone);
            var sql = DSL.using(database.dataSource(), org.jooq.SQLDialect.POSTGRES);
            sql.execute("INSERT INTO analytics_events (id, user_id, event_name, created_at) VALUES "
                    + "(?, ?, 'old', now() - interval '40 days'), (?, ?, 'new', now())",
                    UUID.randomUUID().toString(), kept, UUID.randomUUID().toString(), kept);

            retention.runOnce();

            assertThat(sql.fetchCount(DSL.table("users"), DSL.field("id").eq(gone))).isZero();
            assertThat(sql.fetchCount(DSL.table("users"), DSL.field("id").eq(kept))).isOne();
            assertThat(sql.fetch("SELECT event_name FROM analytics_events WHERE user_id = ?", kept)
                    .getValues(0, String.class)).containsExactly("new");
        });
    }
}
