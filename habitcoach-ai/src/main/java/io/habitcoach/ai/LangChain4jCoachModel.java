package io.habitcoach.ai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.ChatTurn;
import io.habitcoach.core.coach.CoachModel;
import io.habitcoach.core.coach.CoachPrompt;
import io.habitcoach.core.coach.Grounding;
import io.habitcoach.core.model.ChatRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class LangChain4jCoachModel implements CoachModel, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_REPLY_CHARS = Grounding.DEFAULT_MAX_CHARS;
    public static final int DEFAULT_HISTORY_BUDGET_CHARS = 4000;
    public static final int DEFAULT_HISTORY_MAX_MESSAGES = 20;
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 4;

    // Calls waiting for a thread; beyond this a call fails at once instead of queueing behind a stuck provider.
    private static final int QUEUE_CAPACITY = 64;

    private static final Logger LOG = LoggerFactory.getLogger(LangChain4jCoachModel.class);

    private final ChatModel chatModel;
    private final Duration timeout;
    private final int maxReplyChars;
    private final int historyBudgetChars;
    private final int historyMaxMessages;
    private final ThreadPoolExecutor executor;

    private LangChain4jCoachModel(Builder builder) {
        this.chatModel = Objects.requireNonNull(builder.chatModel, "chatModel");
        this.timeout = builder.timeout;
        this.maxReplyChars = builder.maxReplyChars;
        this.historyBudgetChars = builder.historyBudgetChars;
        this.historyMaxMessages = builder.historyMaxMessages;
        this.executor = new ThreadPoolExecutor(builder.maxConcurrentCalls, builder.maxConcurrentCalls,
                30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), new DaemonThreads());
        this.executor.allowCoreThreadTimeOut(true);
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
        Objects.requireNonNull(prompt, "prompt");
        Future<ChatResponse> call;
        try {
            ChatRequest request = ChatRequest.builder().messages(messages(prompt)).build();
            call = executor.submit(() -> chatModel.chat(request));
        } catch (RejectedExecutionException e) {
            LOG.warn("Coach model busy or closed ({} calls waiting); using the template message",
                    executor.getQueue().size());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("Coach model request could not be built: {}; using the template message", e.toString());
            return Optional.empty();
        }
        ChatResponse response;
        try {
            response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("Coach model gave no reply within {} ms; using the template message", timeout.toMillis());
            return Optional.empty();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            // RateLimitException (429), InternalServerException (5xx), a refused connection, ...
            LOG.warn("Coach model failed: {}; using the template message", String.valueOf(e.getCause()));
            return Optional.empty();
        }
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            LOG.warn("Coach model replied with no text; using the template message");
            return Optional.empty();
        }
        String reply = text.strip();
        if (reply.length() > maxReplyChars) {
            LOG.warn("Coach model reply of {} characters exceeds {}; using the template message",
                    reply.length(), maxReplyChars);
            return Optional.empty();
        }
        return Optional.of(reply);
    }

    /** The LangChain4j messages for {@code prompt}, in the order they are sent. */
    List<ChatMessage> messages(CoachPrompt prompt) {
        CoachPrompt trimmed = prompt.withHistoryWithin(historyMaxMessages, historyBudgetChars);
        List<ChatMessage> messages = new ArrayList<>(trimmed.history().size() + 3);
        // Only our own text in the system role; the facts hold user-authored names: user role, fenced.
        messages.add(SystemMessage.from(trimmed.systemPrompt() + "\n\n" + trimmed.instructions()));
        messages.add(UserMessage.from(trimmed.facts()));
        for (ChatTurn turn : trimmed.history()) {
            messages.add(turn.role() == ChatRole.USER ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
        }
        messages.add(UserMessage.from(trimmed.userMessage()));
        return messages;
    }

    /** Stops the threads; calls after this return empty at once. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "LangChain4jCoachModel[" + chatModel.getClass().getSimpleName() + ", timeout=" + timeout + "]";
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "habitcoach-coach-model-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Configures a {@link LangChain4jCoachModel}. */
    public static final class Builder {

        private ChatModel chatModel;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxReplyChars = DEFAULT_MAX_REPLY_CHARS;
        private int historyBudgetChars = DEFAULT_HISTORY_BUDGET_CHARS;
        private int historyMaxMessages = DEFAULT_HISTORY_MAX_MESSAGES;
        private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;

        private Builder() {
        }

        /** The provider's chat model. Required. */
        public Builder chatModel(ChatModel model) {
            this.chatModel = Objects.requireNonNull(model, "chatModel");
            return this;
        }

        /** The longest a caller waits for a reply; default 10 seconds. */
        public Builder timeout(Duration duration) {
            Objects.requireNonNull(duration, "timeout");
            InvalidInputException.require(!duration.isNegative() && !duration.isZero(), "timeout",
                    "positive, got " + duration);
            this.timeout = duration;
            return this;
        }

        /** Longer replies are discarded (the template is used); default 1000. */
        public Builder maxReplyChars(int chars) {
            InvalidInputException.require(chars > 0, "maxReplyChars", "positive, got " + chars);
            this.maxReplyChars = chars;
            return this;
        }

        /** The most characters of earlier conversation sent; default 4000. */
        public Builder historyBudgetChars(int chars) {
            InvalidInputException.require(chars >= 0, "historyBudgetChars", "zero or more, got " + chars);
            this.historyBudgetChars = chars;
            return this;
        }

        /** The most earlier messages sent; default 20. */
        public Builder historyMaxMessages(int messages) {
            InvalidInputException.require(messages >= 0, "historyMaxMessages", "zero or more, got " + messages);
            this.historyMaxMessages = messages;
            return this;
        }

        /** Threads calling the provider at once; default 4. */
        public Builder maxConcurrentCalls(int calls) {
            InvalidInputException.require(calls > 0, "maxConcurrentCalls", "positive, got " + calls);
            this.maxConcurrentCalls = calls;
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
