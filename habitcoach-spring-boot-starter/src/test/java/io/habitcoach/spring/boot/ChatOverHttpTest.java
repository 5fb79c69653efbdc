package io.habitcoach.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Chat end to end: a Spring context with the starter, a real PostgreSQL, and LangChain4j's OpenAI
 * client speaking HTTP to a local server that plays the chat-completions endpoint. The reply the
 * server wrote is the one stored in the conversation, and the request carried the user's habit.
 */
class ChatOverHttpTest {

    private static final String REPLY = "Rain is a good teacher, keep your shoes by the door.";

    @Test
    void theCoachRepliesThroughARealHttpLanguageModelAndTheReplyIsStored() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + REPLY
                    + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                    + "\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ChatModel openAi = OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .apiKey("test").modelName("gpt-4o-mini").maxRetries(0).timeout(Duration.ofSeconds(5)).build();
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4)) {
            DataSource dataSource = new DelegatingDataSource(db.dataSource());
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(HabitCoachAutoConfiguration.class))
                    .withBean(DataSource.class, () -> dataSource)
                    .withBean(ChatModel.class, () -> openAi)
                    .run(context -> {
                        HabitCoach coach = context.getBean(HabitCoach.class);
                        User user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                                .language("en").build());
                        coach.habits().create(user.id(), NewHabit.builder().name("Morning run")
                                .frequency(Frequency.daily()).build());

                        ChatExchange exchange = coach.chat().start(user.id(), "How do I run when it rains?");

                        assertThat(exchange.source()).isEqualTo(CoachMessage.Source.MODEL);
                        assertThat(exchange.reply().content()).isEqualTo(REPLY);
                        assertThat(coach.chat().messages(user.id(), exchange.conversation().id()))
                                .extracting(m -> m.content())
                                .containsExactly("How do I run when it rains?", REPLY);
                        assertThat(requests).hasSize(1);
                        assertThat(requests.get(0)).contains("Morning run").contains("How do I run when it rains?");
                    });
        } finally {
            server.stop(0);
        }
    }
}
