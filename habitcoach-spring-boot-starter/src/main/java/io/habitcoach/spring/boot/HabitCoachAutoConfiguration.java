package io.habitcoach.spring.boot;

import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.CoachQuota;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.accounts.PasswordHasher;
import io.habitcoach.jooq.accounts.TokenCipher;
import java.time.Clock;
import javax.sql.DataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.TaskScheduler;

/**
 * Auto-configuration of Habit Coach: a {@link HabitCoach} bean built from the application's
 * {@link DataSource} and, when present, its {@link Clock}, {@link CoachPersonality} beans, a
 * {@link CoachModel} (or a Spring AI {@code ChatModel}, wrapped in {@code SpringAiCoachModel}, or a
 * LangChain4j {@code ChatModel}, wrapped in {@code LangChain4jCoachModel}: see
 * {@link HabitCoachModelConfiguration} for the rule when both are present),
 * a {@link PasswordHasher} and a {@link TokenCipher}; the migrations applied on start; and, behind
 * {@code habitcoach.jobs.enabled}, the coach jobs on a schedule. Every bean here backs off when the
 * application declares one of the same type. Without a {@code DataSource}, or with several and none
 * {@code @Primary}, the startup fails with a {@link HabitCoachStartupException} (explained by Spring
 * Boot's failure analysis); {@code habitcoach.enabled=false} turns the starter off.
 *
 * <p>A {@code ChatModel} declared in the application's own configuration is always seen. One made by
 * another auto-configuration is seen only if that one runs first: LangChain4j's OpenAI and Ollama
 * starters and Spring AI's OpenAI, Ollama and Anthropic chat auto-configurations are ordered before this;
 * for others, declare the {@code CoachModel} bean yourself.
 */
@AutoConfiguration(afterName = {
        // Spring Boot 3.5 and Spring Boot 4 (modular auto-configuration) names: ordering by name works on
        // both lines; a Class reference to one of them would be silently ignored on the other.
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
        "dev.langchain4j.openai.spring.AutoConfig",
        "dev.langchain4j.openai.spring.OpenAiAutoConfiguration",
        "dev.langchain4j.ollama.spring.AutoConfig",
        "dev.langchain4j.ollama.spring.OllamaAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration",
        "org.springframework.ai.model.ollama.autoconfigure.OllamaChatAutoConfiguration",
        "org.springframework.ai.model.anthropic.autoconfigure.AnthropicChatAutoConfiguration"})
@ConditionalOnClass(HabitCoach.class)
@ConditionalOnProperty(prefix = "habitcoach", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HabitCoachProperties.class)
@Import(HabitCoachModelConfiguration.class)
public class HabitCoachAutoConfiguration {

    /**
     * The coach, migrated before anything can use it when {@code habitcoach.migrate-on-start} is true
     * (the default). It is created after the application's own database initialization (Spring Boot's
     * Flyway or Liquibase, {@code spring.sql.init}), so a host's first migration still meets the empty
     * schema it expects. An application that declares its own {@code HabitCoach} bean migrates it itself.
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public HabitCoach habitCoach(ObjectProvider<DataSource> dataSources, ConfigurableListableBeanFactory beanFactory,
                                 HabitCoachProperties properties,
                                 ObjectProvider<Clock> clock,
                                 ObjectProvider<CoachPersonality> personalities,
                                 ObjectProvider<CoachModel> coachModel,
                                 ObjectProvider<PasswordHasher> passwordHasher,
                                 ObjectProvider<TokenCipher> tokenCipher,
                                 ObjectProvider<HabitCoachBuilderCustomizer> customizers,
                                 ObjectProvider<HabitCoachMigrationStrategy> migrationStrategy,
                                 @Qualifier(READ_DATA_SOURCE) ObjectProvider<DataSource> readDataSourceBean,
                                 ObjectProvider<HabitCoachReadDataSource> readDataSourcePool) {
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null) {
            // None, or several without a primary: fail with a report instead of silently backing off.
            throw new HabitCoachStartupException(List.of(
                    BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, DataSource.class)));
        }
        HabitCoachProperties.Coach coach = properties.coach();
        HabitCoach.Builder builder = HabitCoach.configure()
                .dataSource(dataSource)
                .autoCompleteGoals(properties.autoCompleteGoals())
                .completionCacheSize(properties.completionCacheSize())
                .coachQuota(new CoachQuota(coach.quota().free(), coach.quota().pro()))
                .chatHistoryMessages(coach.historyMessages())
                .limits(io.habitcoach.jooq.Limits.builder()
                        .maxHabitsPerUser(properties.limits().maxHabitsPerUser())
                        .maxGoalsPerUser(properties.limits().maxGoalsPerUser())
                        .maxSubtasksPerGoal(properties.limits().maxSubtasksPerGoal())
                        .maxConversationsPerUser(properties.limits().maxConversationsPerUser())
                        .build());
        DataSource readDataSource = readDataSourceBean.getIfAvailable(
                () -> readDataSourcePool.stream().map(HabitCoachReadDataSource::dataSource).findFirst().orElse(null));
        if (readDataSource != null && readDataSource != dataSource) {
            builder.readDataSource(readDataSource)
                    .replicaMaxLag(properties.readDataSource().maxLag())
                    .replicaCheckInterval(properties.readDataSource().checkInterval());
        }
        clock.ifAvailable(builder::clock);
        personalities.orderedStream().forEach(builder::personality);
        if (coach.defaultPersonality() != null && !coach.defaultPersonality().isBlank()) {
            builder.defaultPersonality(coach.defaultPersonality().strip());
        }
        coachModel.ifAvailable(builder::coachModel);
        builder.coachEventsByModel(coach.eventsByModel());
        passwordHasher.ifAvailable(builder::passwordHasher);
        tokenCipher.ifAvailable(builder::tokenCipher);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        HabitCoach habitCoach = builder.load();
        if (properties.migrateOnStart()) {
            migrationStrategy.getIfAvailable(() -> ignored -> migrateBesideOtherTables(dataSource)).migrate(habitCoach);
        }
        return habitCoach;
    }

    /**
     * What {@link HabitCoach#migrate()} does, except on a schema that already holds other tables (the
     * host's own, or its Flyway history after a Spring Boot start with no migrations of its own): there
     * {@code HabitCoach.migrate()} refuses to start Habit Coach's history in a non-empty schema, so this
     * records a baseline at version 0 in Habit Coach's own history table and then applies all of its
     * migrations. The host's tables are not touched.
     */
    static void migrateBesideOtherTables(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(HabitCoach.MIGRATIONS_LOCATION)
                .table(HabitCoach.SCHEMA_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * The name of a {@code DataSource} bean the coach uses as its read replica (docs/scale-out.md).
     * With it the application has two {@code DataSource} beans: mark its primary one {@code @Primary}.
     */
    public static final String READ_DATA_SOURCE = "habitCoachReadDataSource";

    /** The read replica's pool, from {@code habitcoach.read-datasource.url} (and no replica bean of the host's). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = READ_DATA_SOURCE)
    @ConditionalOnProperty(prefix = "habitcoach.read-datasource", name = "url")
    public HabitCoachReadDataSource habitCoachReadDataSourcePool(HabitCoachProperties properties) {
        return new HabitCoachReadDataSource(properties.readDataSource());
    }

    /** The coach jobs on a schedule, while the context runs. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "habitcoach.jobs", name = "enabled", havingValue = "true")
    public HabitCoachJobScheduler habitCoachJobScheduler(HabitCoach coach, HabitCoachProperties properties,
                                                         ObjectProvider<TaskScheduler> taskScheduler) {
        return new HabitCoachJobScheduler(coach, properties.jobs().configure(coach.jobs()),
                HabitCoachJobScheduler.trigger(properties.jobs()), taskScheduler.getIfUnique());
    }
}
