package io.habitcoach.core.coach;

import java.util.Objects;

/**
 * A coach message ready to store: {@code ai_messages.personality}, {@code message_type} and
 * {@code message} (and, for a chat reply, the assistant's {@code chat_messages.content}).
 *
 * @param personalityId the personality that spoke: the user's, or the default if the user's is gone
 * @param source        whether a language model wrote it or the template did (quota counts model replies)
 */
public record CoachMessage(String personalityId, CoachEventType type, String text, Source source) {

    public CoachMessage {
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /** Who wrote a message. */
    public enum Source {
        /** The personality's template: always available, never blocks. */
        TEMPLATE,
        /** A language model, after the grounding check. */
        MODEL
    }

    public boolean fromModel() {
        return source == Source.MODEL;
    }
}
