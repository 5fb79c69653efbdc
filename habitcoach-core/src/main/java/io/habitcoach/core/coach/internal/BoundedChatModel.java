package io.habitcoach.core.coach.internal;

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
 * Not API. What every chat-model adapter guarantees, written once: the messages and their roles, the
 * history budget, our own deadline on a small pool of daemon threads, and the checks on the reply. An
 * adapter ({@code LangChain4jCoachModel}, {@code SpringAiCoachModel}) only turns the neutral
 * {@link Message}s into its framework's message types, sends them and returns the reply's text.
 *
 * <p>Messages, in order: one system message, the personality's system prompt then the library's
 * instructions (our own text only); the facts, which hold user-authored names, fenced, as a user
 * message; the most recent history turns within the budget (user turns as user messages, coach turns as
 * assistant messages; oldest dropped first); the user's text as the last user message. User-authored
 * text never reaches the system message.
 *
 * <p>{@link #reply} never throws and never waits longer than the timeout: a send that is slow, throws
 * (rate limit, server error, refused connection), or returns nothing or too much gives empty, and the
 * caller uses the template message ({@code CoachWriter} then checks a reply's grounding).
 */
public final class BoundedChatModel implements CoachModel, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_REPLY_CHARS = Grounding.DEFAULT_MAX_CHARS;
    public static final int DEFAULT_HISTORY_BUDGET_CHARS = 4000;
    public static final int DEFAULT_HISTORY_MAX_MESSAGES = 20;
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 4;

    // Calls waiting for a thread; beyond this a call fails at once instead of queueing behind a stuck provider.
    private static final int QUEUE_CAPACITY = 64;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedChatModel.class);

    /** The role a message is sent in. */
    public enum Role { SYSTEM, USER, ASSISTANT }

    /** One message to send, framework-neutral. */
    public static final class Message {

        private final Role role;
        private final String text;

        private Message(Role role, String text) {
            this.role = Objects.requireNonNull(role, "role");
            this.text = Objects.requireNonNull(text, "text");
        }

        public Role role() {
            return role;
        }

        public String text() {
            return text;
        }

        @Override
        public String toString() {
            return "Message[role=" + role + ", text=" + text + "]";
        }
    }

    /** An adapter's way of sending: its framework's call. */
    @FunctionalInterface
    public interface Chat {
        /**
         * Sends {@code messages}, in order, and returns the reply's text; null or blank for none. Runs on
         * one of this object's threads; may throw, and is interrupted when the deadline passes.
         */
        String send(List<Message> messages) throws Exception;
    }

    private final String name;
    private final Chat chat;
    private final Duration timeout;
    private final int maxReplyChars;
    private final int historyBudgetChars;
    private final int historyMaxMessages;
    private final ThreadPoolExecutor executor;

    private BoundedChatModel(String name, Chat chat, Limits limits) {
        this.name = Objects.requireNonNull(name, "name");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.timeout = limits.timeout;
        this.maxReplyChars = limits.maxReplyChars;
        this.historyBudgetChars = limits.historyBudgetChars;
        this.historyMaxMessages = limits.historyMaxMessages;
        this.executor = new ThreadPoolExecutor(limits.maxConcurrentCalls, limits.maxConcurrentCalls,
                30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), new DaemonThreads());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * The model's reply to {@code prompt}, stripped; empty on any failure, after the timeout, or when the
     * reply is blank or longer than {@code maxReplyChars}. Never throws, never waits longer than the timeout.
     */
    @Override
    public Optional<String> reply(CoachPrompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        Future<String> call;
        try {
            List<Message> messages = messages(prompt);
            call = executor.submit(() -> chat.send(messages));
        } catch (RejectedExecutionException e) {
            LOG.warn("Coach model {} busy or closed ({} calls waiting); using the template message",
                    name, executor.getQueue().size());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("Coach model {} request could not be built: {}; using the template message", name, e.toString());
            return Optional.empty();
        }
        String text;
        try {
            text = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("Coach model {} gave no reply within {} ms; using the template message", name, timeout.toMillis());
            return Optional.empty();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            // A rate limit (429), a server error (5xx), a refused connection, ...
            LOG.warn("Coach model {} failed: {}; using the template message", name, String.valueOf(e.getCause()));
            return Optional.empty();
        }
        if (text == null || text.isBlank()) {
            LOG.warn("Coach model {} replied with no text; using the template message", name);
            return Optional.empty();
        }
        String reply = text.strip();
        if (reply.length() > maxReplyChars) {
            LOG.warn("Coach model {} reply of {} characters exceeds {}; using the template message",
                    name, reply.length(), maxReplyChars);
            return Optional.empty();
        }
        return Optional.of(reply);
    }

    /** The messages for {@code prompt}, in the order they are sent, history within this object's budget. */
    public List<Message> messages(CoachPrompt prompt) {
        CoachPrompt trimmed = prompt.withHistoryWithin(historyMaxMessages, historyBudgetChars);
        List<Message> messages = new ArrayList<>(trimmed.history().size() + 3);
        // Only our own text in the system role; the facts hold user-authored names: user role, fenced.
        messages.add(new Message(Role.SYSTEM, trimmed.systemPrompt() + "\n\n" + trimmed.instructions()));
        messages.add(new Message(Role.USER, trimmed.facts()));
        for (ChatTurn turn : trimmed.history()) {
            messages.add(new Message(turn.role() == ChatRole.USER ? Role.USER : Role.ASSISTANT, turn.text()));
        }
        messages.add(new Message(Role.USER, trimmed.userMessage()));
        return messages;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Stops the threads; calls after this return empty at once. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return name + "[timeout=" + timeout + "]";
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

    /** The limits an adapter's builder collects, checked as they are set. */
    public static final class Limits {

        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxReplyChars = DEFAULT_MAX_REPLY_CHARS;
        private int historyBudgetChars = DEFAULT_HISTORY_BUDGET_CHARS;
        private int historyMaxMessages = DEFAULT_HISTORY_MAX_MESSAGES;
        private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;

        private Limits() {
        }

        /** The defaults, for an adapter's builder to change. */
        public static Limits create() {
            return new Limits();
        }

        public void timeout(Duration duration) {
            Objects.requireNonNull(duration, "timeout");
            InvalidInputException.require(!duration.isNegative() && !duration.isZero(), "timeout",
                    "positive, got " + duration);
            this.timeout = duration;
        }

        public void maxReplyChars(int chars) {
            InvalidInputException.require(chars > 0, "maxReplyChars", "positive, got " + chars);
            this.maxReplyChars = chars;
        }

        public void historyBudgetChars(int chars) {
            InvalidInputException.require(chars >= 0, "historyBudgetChars", "zero or more, got " + chars);
            this.historyBudgetChars = chars;
        }

        public void historyMaxMessages(int messages) {
            InvalidInputException.require(messages >= 0, "historyMaxMessages", "zero or more, got " + messages);
            this.historyMaxMessages = messages;
        }

        public void maxConcurrentCalls(int calls) {
            InvalidInputException.require(calls > 0, "maxConcurrentCalls", "positive, got " + calls);
            this.maxConcurrentCalls = calls;
        }

        /** A model named {@code name} in logs that sends through {@code chat} within these limits. */
        public BoundedChatModel build(String name, Chat chat) {
            return new BoundedChatModel(name, chat, this);
        }
    }
}
