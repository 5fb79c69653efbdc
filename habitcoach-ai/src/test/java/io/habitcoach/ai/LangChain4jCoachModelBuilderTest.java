package io.habitcoach.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.ChatTurn;
import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachPrompt;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The adapter without HTTP: configuration, message order and history budget by message count. */
class LangChain4jCoachModelBuilderTest {

    @Test
    void requiresAChatModelAndSaneLimits() {
        assertThatThrownBy(() -> LangChain4jCoachModel.builder().build())
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("chatModel");
        assertThatThrownBy(() -> LangChain4jCoachModel.builder().timeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("timeout");
        assertThatThrownBy(() -> LangChain4jCoachModel.builder().maxReplyChars(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LangChain4jCoachModel.builder().historyMaxMessages(-1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sendsSystemPromptFactsHistoryAndUserTextInThatOrderWithinTheMessageBudget() {
        AtomicReference<ChatRequest> seen = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        ChatModel fake = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                seen.set(request);
                thread.set(Thread.currentThread().getName() + " daemon=" + Thread.currentThread().isDaemon());
                return ChatResponse.builder().aiMessage(AiMessage.from("  Hmm.  ")).build();
            }
        };
        try (LangChain4jCoachModel model = LangChain4jCoachModel.builder().chatModel(fake).historyMaxMessages(2).build()) {
            CoachPrompt prompt = CoachPrompt.forChat(new YodaPersonality(), new ChatReply("now?", List.of()), Locale.ENGLISH,
                    List.of(ChatTurn.user("a"), ChatTurn.assistant("b"), ChatTurn.user("c"), ChatTurn.assistant(" ")));
            assertThat(model.reply(prompt)).contains("Hmm.");
        }
        List<ChatMessage> messages = seen.get().messages();
        assertThat(messages).hasSize(5);
        assertThat(((SystemMessage) messages.get(0)).text()).isEqualTo(new YodaPersonality().systemPrompt(Locale.ENGLISH));
        assertThat(((SystemMessage) messages.get(1)).text()).contains("Coach event: chat");
        // The blank coach turn is dropped; the last two others fit the budget of two messages.
        assertThat(((AiMessage) messages.get(2)).text()).isEqualTo("b");
        assertThat(((UserMessage) messages.get(3)).singleText()).isEqualTo("c");
        assertThat(((UserMessage) messages.get(4)).singleText()).isEqualTo("now?");
        assertThat(thread.get()).startsWith("habitcoach-coach-model-").endsWith("daemon=true");
    }

    @Test
    void aModelThatThrowsGivesEmpty() {
        ChatModel broken = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException("connection refused");
            }
        };
        try (LangChain4jCoachModel model = LangChain4jCoachModel.builder().chatModel(broken).build()) {
            assertThat(model.reply(CoachPrompt.forChat(new YodaPersonality(), new ChatReply("hi", List.of()),
                    Locale.ENGLISH, List.of()))).isEmpty();
        }
    }
}
