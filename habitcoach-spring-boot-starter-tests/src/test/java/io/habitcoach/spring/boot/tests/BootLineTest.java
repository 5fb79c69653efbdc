package io.habitcoach.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.habitcoach.ai.LangChain4jCoachModel;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.spring.boot.HabitCoachAutoConfiguration;
import io.habitcoach.spring.boot.HabitCoachJobScheduler;
import io.habitcoach.spring.boot.HabitCoachStartupException;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A whole Spring Boot application of this module's Boot line (its auto-configuration discovered from
 * the class path, not named by the test), on a real PostgreSQL: the testkit's embedded one, or
 * {@code HABITCOACH_TEST_JDBC_URL}. Shared by the modules boot35, boot40 and boot41.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootLineTest {

    /** Both generations' names of Boot's DataSource auto-configuration, to start an application without it. */
    private static final String NO_DATASOURCE_AUTO_CONFIGURATION = "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApplication {
    }

    @Configuration(proxyBeanMethods = false)
    static class LanguageModel {
        @Bean
        ChatModel chatModel() {
            return new ChatModel() {
                @Override
                public ChatResponse doChat(ChatRequest request) {
                    return ChatResponse.builder().aiMessage(AiMessage.from("One day at a time.")).build();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource ordersDataSource() {
            return new SimpleDriverDataSource();
        }

        @Bean
        DataSource reportsDataSource() {
            return new SimpleDriverDataSource();
        }
    }

    private static ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).properties(properties).run();
    }

    @Test
    void runsOnTheBootLineAndFlywayVersionItManages() {
        assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("expected.spring-boot.version"));
        String flywayJar = Flyway.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(flywayJar).endsWith("flyway-core-" + System.getProperty("expected.flyway.version") + ".jar");
    }

    @Test
    void aHostWithItsOwnFlywayMigrationGetsAHabitCoachBeanThatCompletesAHabit() throws Exception {
        try (HabitCoachTestDatabase database = HabitCoachTestDatabase.createEmpty();
             ConfigurableApplicationContext context = start(new Class<?>[] {HostApplication.class, LanguageModel.class},
                     "spring.datasource.url=" + database.jdbcUrl(),
                     "habitcoach.jobs.enabled=true", "habitcoach.coach.timeout=5s")) {
            // The auto-configuration ran (a skipped one leaves no bean of its own class and no coach).
            assertThat(context.getBeansOfType(HabitCoachAutoConfiguration.class)).hasSize(1);
            assertThat(context.getBeansOfType(HabitCoach.class)).hasSize(1);
            assertThat(context.getBean(HabitCoachJobScheduler.class).isRunning()).isTrue();
            assertThat(context.getBean(LangChain4jCoachModel.class)).hasToString(
                    "LangChain4jCoachModel[" + context.getBean(ChatModel.class).getClass().getSimpleName()
                            + ", timeout=PT5S]");

            // Boot's Flyway applied the host's migration first, into the empty schema; ours came after.
            assertThat(queryLong(database.dataSource(), "SELECT total_cents FROM host_orders WHERE id = 42"))
                    .isEqualTo(1999);
            assertThat(queryLong(database.dataSource(), "SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .isEqualTo(1);
            assertThat(queryLong(database.dataSource(),
                    "SELECT count(*) FROM " + HabitCoach.SCHEMA_HISTORY_TABLE + " WHERE success AND version <> '0'"))
                    .isGreaterThan(0);

            HabitCoach coach = context.getBean(HabitCoach.class);
            User user = coach.users().create(NewUser.builder()
                    .email("u" + UUID.randomUUID() + "@example.com").language("en").build());
            Habit habit = coach.habits().create(user.id(),
                    NewHabit.builder().name("Read").frequency(Frequency.daily()).build());
            LocalDate today = coach.dashboards().dashboard(user.id()).today();
            coach.habits().complete(user.id(), habit.id(), today);
            assertThat(coach.habits().get(user.id(), habit.id()).streak().current()).isEqualTo(1);
            ChatExchange exchange = coach.chat().start(user.id(), "How am I doing?");
            assertThat(exchange.source()).isEqualTo(CoachMessage.Source.MODEL);
            assertThat(exchange.reply().content()).isEqualTo("One day at a time.");
            coach.migrate();   // the library's own migrate() on the same database: nothing left to do

            // Actuator is on the class path: the meters are in Boot's registry, the health indicator is UP.
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.find("habitcoach.complete").tag("outcome", "new").timer().count()).isEqualTo(1);
            assertThat(meters.find("habitcoach.chat").tag("outcome", "model").timer().count()).isEqualTo(1);
            assertThat(meters.find("habitcoach.model").tag("outcome", "ok").timer().count()).isEqualTo(1);
            assertThat(health(context)).isEqualTo("UNKNOWN");   // the scheduled jobs have not run yet
            context.getBean(HabitCoachJobScheduler.class).runJobs();
            assertThat(health(context)).isEqualTo("UP");
            assertThat(meters.find("habitcoach.job").tag("job", "sweep_missed").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void withoutADataSourceStartupFailsAndSaysWhatToDo(CapturedOutput output) {
        assertThatThrownBy(() -> start(new Class<?>[] {HostApplication.class}, NO_DATASOURCE_AUTO_CONFIGURATION).close())
                .hasRootCauseInstanceOf(HabitCoachStartupException.class)
                .hasStackTraceContaining("no DataSource bean");
        // Boot's failure analysis, printed instead of a stack trace.
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Habit Coach needs a PostgreSQL DataSource")
                .contains("spring.datasource.url")
                .contains("habitcoach.enabled=false");
    }

    @Test
    void withTwoDataSourcesAndNoPrimaryStartupFailsAndNamesThem(CapturedOutput output) {
        assertThatThrownBy(() -> start(new Class<?>[] {HostApplication.class, TwoDataSources.class},
                "spring.flyway.enabled=false").close())
                .hasRootCauseInstanceOf(HabitCoachStartupException.class)
                .hasStackTraceContaining("ordersDataSource")
                .hasStackTraceContaining("reportsDataSource");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("@Primary");
    }

    @Test
    void habitcoachEnabledFalseTurnsTheStarterOff() {
        try (ConfigurableApplicationContext context = start(new Class<?>[] {HostApplication.class},
                NO_DATASOURCE_AUTO_CONFIGURATION, "habitcoach.enabled=false")) {
            assertThat(context.getBeansOfType(HabitCoach.class)).isEmpty();
        }
    }

    /** The habitcoach indicator's status, through whichever health API this Boot line has (3: actuate, 4: health). */
    private static String health(ConfigurableApplicationContext context) throws ReflectiveOperationException {
        Object indicator = context.getBean("habitcoachHealthIndicator");
        Class<?> api = indicator.getClass().getInterfaces()[0];   // the indicator is a lambda of it
        assertThat(api.getSimpleName()).isEqualTo("HealthIndicator");
        Object health = api.getMethod("health").invoke(indicator);
        return health.getClass().getMethod("getStatus").invoke(health).toString();
    }

    private static long queryLong(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }
}
