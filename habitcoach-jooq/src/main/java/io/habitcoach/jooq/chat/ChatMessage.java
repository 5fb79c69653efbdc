package io.habitcoach.jooq.chat;

import io.habitcoach.core.model.ChatRole;
import java.time.OffsetDateTime;

/** One message of a conversation, by the user or by the coach. */
public record ChatMessage(String id, String conversationId, ChatRole role, String content, OffsetDateTime createdAt) {
}
