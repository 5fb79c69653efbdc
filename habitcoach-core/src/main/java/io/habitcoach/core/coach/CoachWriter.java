package io.habitcoach.core.coach;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachMessage.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns coach events into messages in the user's personality and language. The database services call
 * it and store the result; it stores nothing and counts nothing itself.
 *
 * <ul>
 *   <li>{@link #template}: the personality's template message. Cheap and never blocks: safe inside a
 *       transaction.</li>
 *   <li>{@link #write} and {@link #chat}: ask the {@link CoachModel} first; keep its reply only if it is
 *       non-blank, within {@code maxReplyChars} and grounded ({@link Grounding}), dropping sentences the
 *       user saw among their last ten coach messages; otherwise the template message. These may block
 *       for the model's timeout: call them outside transactions.</li>
 * </ul>
 * Quotas are checked by the caller with {@link CoachQuota#check} before {@link #chat}.
 */
public final class CoachWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CoachWriter.class);

    private final CoachPersonalities personalities;
    private final CoachModel model;
    private final int maxReplyChars;
    private final CoachPersonality emergency = new NeutralCoachPersonality();

    private CoachWriter(Builder builder) {
        this.personalities = builder.personalities != null ? builder.personalities : CoachPersonalities.discover();
        this.model = builder.model;
        this.maxReplyChars = builder.maxReplyChars;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CoachPersonalities personalities() {
        return personalities;
    }

    /**
     * The template message of the stored personality id (the default one if that id is gone).
     */
    public CoachMessage template(String personalityId, CoachEvent event, CoachContext context) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        CoachPersonality personality = personalities.resolveOrDefault(personalityId);
        return new CoachMessage(personality.id(), event.type(), templateText(personality, event, context),
                Source.TEMPLATE);
    }

    /** A message for an event: the model's grounded reply when there is one, else the template. */
    public CoachMessage write(String personalityId, CoachEvent event, CoachContext context) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        CoachPersonality personality = personalities.resolveOrDefault(personalityId);
        CoachPrompt prompt = CoachPrompt.forEvent(personality, event, context.locale());
        return answer(personality, event, context, prompt);
    }

    /**
     * The coach's reply to a chat message: the model's grounded reply when there is one, else the
     * template (which tells the user where their habits stand).
     *
     * @param history earlier turns of this conversation, oldest first, without {@code chat.userText()};
     *                the model adapter keeps the most recent ones within its budget
     */
    public CoachMessage chat(String personalityId, CoachEvent.ChatReply chat, List<ChatTurn> history,
                             CoachContext context) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(context, "context");
        CoachPersonality personality = personalities.resolveOrDefault(personalityId);
        CoachPrompt prompt = CoachPrompt.forChat(personality, chat, context.locale(), history);
        return answer(personality, chat, context, prompt);
    }

    private CoachMessage answer(CoachPersonality personality, CoachEvent event, CoachContext context,
                                CoachPrompt prompt) {
        Optional<String> reply = modelReply(prompt, event, context);
        if (reply.isPresent()) {
            return new CoachMessage(personality.id(), event.type(), reply.get(), Source.MODEL);
        }
        return new CoachMessage(personality.id(), event.type(), templateText(personality, event, context),
                Source.TEMPLATE);
    }

    private Optional<String> modelReply(CoachPrompt prompt, CoachEvent event, CoachContext context) {
        Optional<String> reply;
        try {
            reply = Objects.requireNonNullElse(model.reply(prompt), Optional.empty());
        } catch (RuntimeException e) {
            // The contract says never throw; a host's own model might anyway.
            LOG.warn("Coach model failed; using the template message", e);
            return Optional.empty();
        }
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        String text = reply.get().strip();
        if (!Grounding.check(text, event, maxReplyChars)) {
            LOG.info("Coach model reply rejected (blank, longer than {} characters, or numbers "
                    + "not among the facts: {}); using the template message",
                    maxReplyChars, Grounding.ungroundedNumbers(text, event));
            return Optional.empty();
        }
        String fresh = withoutRecentSentences(text, context);
        return fresh.isBlank() ? Optional.empty() : Optional.of(fresh);
    }

    /** The reply without the sentences the user read among their last ten coach messages. */
    private static String withoutRecentSentences(String text, CoachContext context) {
        Set<String> recent = context.recentSentenceSet();
        if (recent.isEmpty()) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String sentence : Sentences.raw(text)) {
            if (recent.contains(Sentences.normalize(sentence))) {
                dropped = true;
            } else {
                kept.add(sentence);
            }
        }
        return dropped ? String.join(" ", kept) : text;
    }

    private String templateText(CoachPersonality personality, CoachEvent event, CoachContext context) {
        try {
            String text = personality.message(event, context);
            if (text != null && !text.isBlank()) {
                return text;
            }
            LOG.warn("Coach personality '{}' returned no message for {}; using a plain one",
                    personality.id(), event.type().code());
        } catch (RuntimeException e) {
            LOG.warn("Coach personality '{}' failed for {}; using a plain message", personality.id(),
                    event.type().code(), e);
        }
        return emergency.message(event, context);
    }

    /** Configures a {@link CoachWriter}. */
    public static final class Builder {

        private CoachPersonalities personalities;
        private CoachModel model = CoachModel.none();
        private int maxReplyChars = Grounding.DEFAULT_MAX_CHARS;

        private Builder() {
        }

        /** The personalities; default {@link CoachPersonalities#discover()}. */
        public Builder personalities(CoachPersonalities registry) {
            this.personalities = Objects.requireNonNull(registry, "personalities");
            return this;
        }

        /** The language model; default {@link CoachModel#none()} (templates only). */
        public Builder model(CoachModel coachModel) {
            this.model = Objects.requireNonNull(coachModel, "model");
            return this;
        }

        /** The longest model reply kept; default {@value Grounding#DEFAULT_MAX_CHARS}. */
        public Builder maxReplyChars(int chars) {
            InvalidInputException.require(chars > 0, "maxReplyChars", "positive, got " + chars);
            this.maxReplyChars = chars;
            return this;
        }

        public CoachWriter build() {
            return new CoachWriter(this);
        }
    }
}
