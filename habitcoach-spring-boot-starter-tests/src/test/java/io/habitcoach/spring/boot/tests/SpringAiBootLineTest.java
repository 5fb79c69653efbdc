package io.habitcoach.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.ai.LangChain4jCoachModel;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.spring.boot.HabitCoachModelProviderException;
import io.habitcoach.springai.SpringAiCoachModel;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring Boot application of this module's Boot line with a Spring AI {@code ChatModel} bean, on the
 * Spring AI line that goes with it (1.1.x on Boot 3.5, 2.0.x on Boot 4): the starter makes it the coach's
 * model, and with a LangChain4j {@code ChatModel} bean too, the startup fails naming
 * {@code habitcoach.coach.model-provider} until the property picks one.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringAiBootLineTest {

    static final List<Prompt> PROMPTS = new CopyOnWriteArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApplication {
    }

    @Configuration(proxyBeanMethods = false)
    static class SpringAiModel {
        @Bean
        ChatModel springAiChatModel() {
            return prompt -> {
                PROMPTS.add(prompt);
                return new ChatResponse(List.of(new Generation(new AssistantMessage("Steady steps, says Spring AI."))));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LangChain4jModel {
        @Bean
        dev.langchain4j.model.chat.ChatModel langChain4jChatModel() {
            return new dev.langchain4j.model.chat.ChatModel() {
                @Override
                public dev.langchain4j.model.chat.response.ChatResponse doChat(
                        dev.langchain4j.model.chat.request.ChatRequest request) {
                    return dev.langchain4j.model.chat.response.ChatResponse.builder()
                            .aiMessage(dev.langchain4j.data.message.AiMessage.from("Steady steps, says the chain."))
                            .build();
                }
            };
        }
    }

    private static ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).properties(properties).run();
    }

    private static String chat(ConfigurableApplicationContext context) {
        HabitCoach coach = context.getBean(HabitCoach.class);
        User user = coach.users().create(NewUser.builder()
                .email("u" + UUID.randomUUID() + "@example.com").language("en").build());
        ChatExchange exchange = coach.chat().start(user.id(), "How am I doing?");
        assertThat(exchange.source()).isEqualTo(CoachMessage.Source.MODEL);
        return exchange.reply().content();
    }

    @Test
    void runsOnTheSpringAiLineOfThisBootLine() {
        String jar = ChatModel.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("spring-ai-model-" + System.getProperty("expected.spring-ai.version") + ".jar");
    }

    @Test
    void aSpringAiChatModelBeanBecomesTheCoachsModel() {
        PROMPTS.clear();
        try (HabitCoachTestDatabase database = HabitCoachTestDatabase.createEmpty();
             ConfigurableApplicationContext context = start(new Class<?>[] {HostApplication.class, SpringAiModel.class},
                     "spring.datasource.url=" + database.jdbcUrl(), "habitcoach.coach.timeout=5s")) {
            assertThat(context.getBean(SpringAiCoachModel.class)).hasToString("SpringAiCoachModel["
                    + context.getBean(ChatModel.class).getClass().getSimpleName() + ", timeout=PT5S]");
            assertThat(context.getBeansOfType(LangChain4jCoachModel.class)).isEmpty();
            assertThat(chat(context)).isEqualTo("Steady steps, says Spring AI.");
        }
        assertThat(PROMPTS).singleElement().satisfies(prompt -> {
            assertThat(prompt.getInstructions()).filteredOn(m -> m.getMessageType() == MessageType.SYSTEM)
                    .singleElement().satisfies(system -> assertThat(system.getText()).doesNotContain("How am I doing"));
            assertThat(prompt.getInstructions().get(1).getMessageType()).isEqualTo(MessageType.USER);
            assertThat(prompt.getInstructions().get(prompt.getInstructions().size() - 1).getText())
                    .isEqualTo("How am I doing?");
        });
    }

    @Test
    void withBothFrameworksTheStartupFailsNamingThePropertyAndThePropertyPicks(CapturedOutput output) {
        Class<?>[] both = {HostApplication.class, SpringAiModel.class, LangChain4jModel.class};
        try (HabitCoachTestDatabase database = HabitCoachTestDatabase.createEmpty()) {
            assertThatThrownBy(() -> start(both, "spring.datasource.url=" + database.jdbcUrl()).close())
                    .rootCause().isInstanceOf(HabitCoachModelProviderException.class)
                    .hasMessageContaining("habitcoach.coach.model-provider=spring-ai");
            // Spring Boot's failure report, from our FailureAnalyzer, says what to set.
            assertThat(output).contains("APPLICATION FAILED TO START",
                    "Set habitcoach.coach.model-provider to spring-ai, langchain4j or none");

            try (ConfigurableApplicationContext context = start(both, "spring.datasource.url=" + database.jdbcUrl(),
                    "habitcoach.coach.model-provider=langchain4j")) {
                assertThat(context.getBeansOfType(SpringAiCoachModel.class)).isEmpty();
                assertThat(chat(context)).isEqualTo("Steady steps, says the chain.");
            }
            try (ConfigurableApplicationContext context = start(both, "spring.datasource.url=" + database.jdbcUrl(),
                    "habitcoach.coach.model-provider=spring-ai")) {
                assertThat(context.getBeansOfType(LangChain4jCoachModel.class)).isEmpty();
                assertThat(chat(context)).isEqualTo("Steady steps, says Spring AI.");
            }
        }
    }
}
