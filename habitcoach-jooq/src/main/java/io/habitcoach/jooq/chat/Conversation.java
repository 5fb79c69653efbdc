package io.habitcoach.jooq.chat;

import io.habitcoach.core.model.ConversationStatus;
import java.time.OffsetDateTime;

/** A chat with the coach; its title comes from the first user message. */
public record Conversation(String id, String title, ConversationStatus status, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
