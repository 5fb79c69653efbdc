package io.habitcoach.springai;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPrompt;
import io.habitcoach.core.coach.internal.BoundedChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A {@link CoachModel} backed by any Spring AI {@link ChatModel} (OpenAI, Ollama, Anthropic, ...: the host
 * adds the provider module it wants, or Spring Boot's {@code spring-ai-starter-model-*}).
 *
 * <pre>{@code
 * CoachModel model = SpringAiCoachModel.builder()
 *         .chatModel(chatModel)              // e.g. the ChatModel bean of spring-ai-starter-model-openai
 *         .timeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>The same guarantees as habitcoach-ai's {@code LangChain4jCoachModel}, from the same code
 * ({@code io.habitcoach.core.coach.internal.BoundedChatModel}). Messages sent, in order: one
 * {@link SystemMessage}, the personality's system prompt followed by the library's instructions (our own
 * text only); the facts, which hold user-authored habit and goal names, as fenced JSON data in a
 * {@link UserMessage}; the most recent history turns that fit the budget (user turns as user messages,
 * coach turns as {@link AssistantMessage}s; oldest dropped first); the user's text as the last user
 * message. User-authored text never reaches the system message. No Spring AI advisor, memory or tool is
 * involved: the {@code ChatModel} is called with exactly these messages and its default options.
 *
 * <p>Each call runs on a small pool of daemon threads this object owns, and the caller waits at most
 * {@code timeout}: a provider that is slow, rate-limited, failing, unreachable, or that replies with
 * nothing or too much, gives {@link Optional#empty()}, and the caller ({@code CoachWriter}) uses the
 * template message; it also checks a reply's grounding. Give the provider a timeout of its own no longer
 * than this one and few retries (Spring AI's OpenAI client retries by default), so abandoned calls do not
 * pile up. Thread-safe; close it to stop its threads (they are daemons, so an unclosed instance does not
 * keep the JVM alive).
 */
public final class SpringAiCoachModel implements CoachModel, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = BoundedChatModel.DEFAULT_TIMEOUT;
    public static final int DEFAULT_MAX_REPLY_CHARS = BoundedChatModel.DEFAULT_MAX_REPLY_CHARS;
    public static final int DEFAULT_HISTORY_BUDGET_CHARS = BoundedChatModel.DEFAULT_HISTORY_BUDGET_CHARS;
    public static final int DEFAULT_HISTORY_MAX_MESSAGES = BoundedChatModel.DEFAULT_HISTORY_MAX_MESSAGES;
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = BoundedChatModel.DEFAULT_MAX_CONCURRENT_CALLS;

    private final ChatModel chatModel;
    private final BoundedChatModel bounded;

    private SpringAiCoachModel(Builder builder) {
        this.chatModel = Objects.requireNonNull(builder.chatModel, "chatModel");
        ChatModel model = this.chatModel;
        this.bounded = builder.limits.build("Spring AI " + model.getClass().getSimpleName(),
                messages -> text(model.call(new Prompt(toSpringAi(messages)))));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The model's reply to {@code prompt}, stripped; empty on any failure, after {@code timeout}, or when
     * the reply is blank or longer than {@code maxReplyChars}. Never throws, never waits longer than
     * {@code timeout}.
     */
    @Override
    public Optional<String> reply(CoachPrompt prompt) {
        return bounded.reply(prompt);
    }

    /** The Spring AI messages for {@code prompt}, in the order they are sent. */
    List<Message> messages(CoachPrompt prompt) {
        return toSpringAi(bounded.messages(prompt));
    }

    private static List<Message> toSpringAi(List<BoundedChatModel.Message> messages) {
        List<Message> converted = new ArrayList<>(messages.size());
        for (BoundedChatModel.Message message : messages) {
            converted.add(switch (message.role()) {
                case SYSTEM -> new SystemMessage(message.text());
                case USER -> new UserMessage(message.text());
                case ASSISTANT -> new AssistantMessage(message.text());
            });
        }
        return converted;
    }

    /** The first generation's text; null when there is none. */
    private static String text(ChatResponse response) {
        if (response == null) {
            return null;
        }
        Generation generation = response.getResult();
        if (generation == null || generation.getOutput() == null) {
            return null;
        }
        return generation.getOutput().getText();
    }

    /** Stops the threads; calls after this return empty at once. */
    @Override
    public void close() {
        bounded.close();
    }

    @Override
    public String toString() {
        return "SpringAiCoachModel[" + chatModel.getClass().getSimpleName() + ", timeout=" + bounded.timeout() + "]";
    }

    /** Configures a {@link SpringAiCoachModel}. */
    public static final class Builder {

        private ChatModel chatModel;
        private final BoundedChatModel.Limits limits = BoundedChatModel.Limits.create();

        private Builder() {
        }

        /** The provider's Spring AI chat model. Required. */
        public Builder chatModel(ChatModel model) {
            this.chatModel = Objects.requireNonNull(model, "chatModel");
            return this;
        }

        /** The longest a caller waits for a reply; default 10 seconds. */
        public Builder timeout(Duration duration) {
            limits.timeout(duration);
            return this;
        }

        /** Longer replies are discarded (the template is used); default 1000. */
        public Builder maxReplyChars(int chars) {
            limits.maxReplyChars(chars);
            return this;
        }

        /** The most characters of earlier conversation sent; default 4000. */
        public Builder historyBudgetChars(int chars) {
            limits.historyBudgetChars(chars);
            return this;
        }

        /** The most earlier messages sent; default 20. */
        public Builder historyMaxMessages(int messages) {
            limits.historyMaxMessages(messages);
            return this;
        }

        /** Threads calling the provider at once; default 4. */
        public Builder maxConcurrentCalls(int calls) {
            limits.maxConcurrentCalls(calls);
            return this;
        }

        public SpringAiCoachModel build() {
            if (chatModel == null) {
                throw new InvalidInputException("chatModel", "a Spring AI ChatModel, not null");
            }
            return new SpringAiCoachModel(this);
        }
    }
}
