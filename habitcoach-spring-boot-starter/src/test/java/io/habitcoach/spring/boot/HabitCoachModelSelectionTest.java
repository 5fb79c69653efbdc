package io.habitcoach.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import io.habitcoach.ai.LangChain4jCoachModel;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.springai.SpringAiCoachModel;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Which {@code ChatModel} bean the starter makes the coach's model: Spring AI's, LangChain4j's, the one the
 * property names, or a startup failure that names the property. Runs on this module's Spring Boot 3.5 with
 * Spring AI 1.1.x (habitcoach-spring-ai itself is built against 2.0.x), on a real PostgreSQL.
 */
class HabitCoachModelSelectionTest {

    private static HabitCoachTestDatabase migrated;

    private final List<Prompt> springAiPrompts = new CopyOnWriteArrayList<>();
    private final org.springframework.ai.chat.model.ChatModel springAi = prompt -> {
        springAiPrompts.add(prompt);
        return new ChatResponse(List.of(new Generation(new AssistantMessage("Spring AI says: keep going."))));
    };
    // No digit in the replies: "LangChain4j" would state a number that is not among the facts (grounding).
    private final dev.langchain4j.model.chat.ChatModel langChain4j = new dev.langchain4j.model.chat.ChatModel() {
        @Override
        public dev.langchain4j.model.chat.response.ChatResponse doChat(
                dev.langchain4j.model.chat.request.ChatRequest request) {
            return dev.langchain4j.model.chat.response.ChatResponse.builder()
                    .aiMessage(AiMessage.from("The chain says: keep going.")).build();
        }
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HabitCoachAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DelegatingDataSource(migrated.dataSource()));

    @BeforeAll
    static void database() {
        migrated = HabitCoachTestDatabase.create(4);
    }

    @AfterAll
    static void dropDatabase() {
        migrated.close();
    }

    private static String chat(HabitCoach coach) {
        User user = coach.users().create(NewUser.builder().email("u" + UUID.randomUUID() + "@example.com")
                .language("en").build());
        ChatExchange exchange = coach.chat().start(user.id(), "Hello coach");
        assertThat(exchange.source()).isEqualTo(CoachMessage.Source.MODEL);
        return exchange.reply().content();
    }

    @Test
    void aSpringAiChatModelBeanAloneBecomesTheCoachsModel() {
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withPropertyValues("habitcoach.coach.timeout=3s")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SpringAiCoachModel.class)
                            .doesNotHaveBean(LangChain4jCoachModel.class);
                    assertThat(context.getBean(SpringAiCoachModel.class)).hasToString(
                            "SpringAiCoachModel[" + springAi.getClass().getSimpleName() + ", timeout=PT3S]");
                    assertThat(chat(context.getBean(HabitCoach.class))).isEqualTo("Spring AI says: keep going.");
                });
        // Through the adapter built against Spring AI 2.0, on this module's Spring AI 1.1: our roles arrived.
        assertThat(springAiPrompts).singleElement().satisfies(prompt -> {
            assertThat(prompt.getInstructions().get(0).getMessageType()).isEqualTo(MessageType.SYSTEM);
            assertThat(prompt.getInstructions()).filteredOn(m -> m.getMessageType() == MessageType.SYSTEM).hasSize(1);
            assertThat(prompt.getInstructions().get(1).getMessageType()).isEqualTo(MessageType.USER);
            assertThat(prompt.getInstructions().get(prompt.getInstructions().size() - 1).getText())
                    .isEqualTo("Hello coach");
        });
    }

    @Test
    void aLangChain4jChatModelBeanAloneBecomesTheCoachsModel() {
        runner.withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(LangChain4jCoachModel.class)
                            .doesNotHaveBean(SpringAiCoachModel.class);
                    assertThat(chat(context.getBean(HabitCoach.class))).isEqualTo("The chain says: keep going.");
                });
    }

    @Test
    void bothWithoutThePropertyFailTheStartupNamingIt() {
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(HabitCoachModelProviderException.class)
                            .hasMessageContaining("both a Spring AI ChatModel bean")
                            .hasMessageContaining("habitcoach.coach.model-provider=spring-ai")
                            .hasMessageContaining("habitcoach.coach.model-provider=langchain4j");
                    FailureAnalysis analysis = new HabitCoachModelProviderFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getAction()).contains("habitcoach.coach.model-provider");
                });
    }

    @Test
    void bothWithThePropertyUseTheProviderItNames() {
        var both = runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j);
        both.withPropertyValues("habitcoach.coach.model-provider=spring-ai").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SpringAiCoachModel.class)
                    .doesNotHaveBean(LangChain4jCoachModel.class);
            assertThat(chat(context.getBean(HabitCoach.class))).isEqualTo("Spring AI says: keep going.");
        });
        both.withPropertyValues("habitcoach.coach.model-provider=langchain4j").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LangChain4jCoachModel.class)
                    .doesNotHaveBean(SpringAiCoachModel.class);
            assertThat(chat(context.getBean(HabitCoach.class))).isEqualTo("The chain says: keep going.");
        });
        both.withPropertyValues("habitcoach.coach.model-provider=none").run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class).doesNotHaveBean(CoachModel.class));
    }

    @Test
    void anOwnCoachModelBeanWinsOverBoth() {
        CoachModel own = prompt -> Optional.of("Your own model says: keep going.");
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j)
                .withBean(CoachModel.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SpringAiCoachModel.class)
                            .doesNotHaveBean(LangChain4jCoachModel.class);
                    assertThat(chat(context.getBean(HabitCoach.class))).isEqualTo("Your own model says: keep going.");
                });
    }

    @Test
    void aProviderAskedForButAbsentOrUnknownFailsTheStartup() {
        runner.withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j)
                .withPropertyValues("habitcoach.coach.model-provider=spring-ai")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(HabitCoachModelProviderException.class)
                        .hasMessageContaining("no Spring AI ChatModel bean"));
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withPropertyValues("habitcoach.coach.model-provider=langchain4j")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(HabitCoachModelProviderException.class)
                        .hasMessageContaining("no LangChain4j ChatModel bean"));
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withPropertyValues("habitcoach.coach.model-provider=openai")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(HabitCoachModelProviderException.class)
                        .hasMessageContaining("openai is not one of auto, spring-ai, langchain4j, none"));
    }

    @Test
    void withoutHabitcoachSpringAiASpringAiBeanIsNotUsedAndLangChain4jIsNotBlocked() {
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withClassLoader(new FilteredClassLoader(SpringAiCoachModel.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HabitCoach.class)
                        .doesNotHaveBean(CoachModel.class));
        runner.withBean("springAiChatModel", org.springframework.ai.chat.model.ChatModel.class, () -> springAi)
                .withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j)
                .withClassLoader(new FilteredClassLoader(SpringAiCoachModel.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(LangChain4jCoachModel.class));
        runner.withBean("langChain4jChatModel", dev.langchain4j.model.chat.ChatModel.class, () -> langChain4j)
                .withClassLoader(new FilteredClassLoader("org.springframework.ai"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(LangChain4jCoachModel.class));
    }
}
