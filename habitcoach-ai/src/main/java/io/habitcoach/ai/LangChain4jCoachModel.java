package io.habitcoach.ai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPrompt;
import io.habitcoach.core.coach.internal.BoundedChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CoachModel} backed by any LangChain4j {@link ChatModel} (OpenAI, Ollama, Anthropic, ...: the
 * host adds the provider module it wants).
 *
 * <pre>{@code
 * CoachModel model = LangChain4jCoachModel.builder()
 *         .chatModel(OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").maxRetries(0).build())
 *         .timeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>Messages sent, in order: one system message, the personality's system prompt followed by the
 * library's instructions (language and rules) - our own text only; the facts, which hold
 * user-authored habit and goal names, as fenced JSON data in a user message; the most recent history
 * turns that fit the budget (user turns as user messages, coach turns as AI messages; oldest dropped
 * first); the user's text as the last user message. User-authored text never reaches the system
 * message.
 *
 * <p>Each call runs on a small pool of daemon threads this object owns, and the caller waits at most
 * {@code timeout}: a provider that is slow, rate-limited (LangChain4j's {@code RateLimitException}),
 * failing ({@code InternalServerException}), unreachable (a plain {@code RuntimeException}), or that
 * replies with nothing or too much, gives {@link Optional#empty()}, and the caller uses the template
 * message. Give the provider a timeout of its own no longer than this one and few retries (LangChain4j's
 * OpenAI client retries twice by default), so abandoned calls do not pile up. Thread-safe; close it to
 * stop its threads (they are daemons, so an unclosed instance does not keep the JVM alive).
 *
 * <p>The roles, the deadline and the reply checks are shared with habitcoach-spring-ai's
 * {@code SpringAiCoachModel} (both run on {@code io.habitcoach.core.coach.internal.BoundedChatModel}): this
 * class only turns its messages into LangChain4j's and reads the reply's text.
 */
public final class LangChain4jCoachModel implements CoachModel, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = BoundedChatModel.DEFAULT_TIMEOUT;
    public static final int DEFAULT_MAX_REPLY_CHARS = BoundedChatModel.DEFAULT_MAX_REPLY_CHARS;
    public static final int DEFAULT_HISTORY_BUDGET_CHARS = BoundedChatModel.DEFAULT_HISTORY_BUDGET_CHARS;
    public static final int DEFAULT_HISTORY_MAX_MESSAGES = BoundedChatModel.DEFAULT_HISTORY_MAX_MESSAGES;
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = BoundedChatModel.DEFAULT_MAX_CONCURRENT_CALLS;

    private final ChatModel chatModel;
    private final BoundedChatModel bounded;

    private LangChain4jCoachModel(Builder builder) {
        this.chatModel = Objects.requireNonNull(builder.chatModel, "chatModel");
        ChatModel model = this.chatModel;
        this.bounded = builder.limits.build("LangChain4j " + model.getClass().getSimpleName(), messages -> {
            ChatResponse response = model.chat(ChatRequest.builder().messages(toLangChain4j(messages)).build());
            return response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        });
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

    /** The LangChain4j messages for {@code prompt}, in the order they are sent. */
    List<ChatMessage> messages(CoachPrompt prompt) {
        return toLangChain4j(bounded.messages(prompt));
    }

    private static List<ChatMessage> toLangChain4j(List<BoundedChatModel.Message> messages) {
        List<ChatMessage> converted = new ArrayList<>(messages.size());
        for (BoundedChatModel.Message message : messages) {
            converted.add(switch (message.role()) {
                case SYSTEM -> SystemMessage.from(message.text());
                case USER -> UserMessage.from(message.text());
                case ASSISTANT -> AiMessage.from(message.text());
            });
        }
        return converted;
    }

    /** Stops the threads; calls after this return empty at once. */
    @Override
    public void close() {
        bounded.close();
    }

    @Override
    public String toString() {
        return "LangChain4jCoachModel[" + chatModel.getClass().getSimpleName() + ", timeout=" + bounded.timeout() + "]";
    }

    /** Configures a {@link LangChain4jCoachModel}. */
    public static final class Builder {

        private ChatModel chatModel;
        private final BoundedChatModel.Limits limits = BoundedChatModel.Limits.create();

        private Builder() {
        }

        /** The provider's chat model. Required. */
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

        public LangChain4jCoachModel build() {
            if (chatModel == null) {
                throw new InvalidInputException("chatModel", "a LangChain4j ChatModel, not null");
            }
            return new LangChain4jCoachModel(this);
        }
    }
}
