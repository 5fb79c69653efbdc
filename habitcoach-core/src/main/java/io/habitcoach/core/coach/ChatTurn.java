package io.habitcoach.core.coach;

import io.habitcoach.core.model.ChatRole;
import java.util.Objects;

/** One earlier message of a conversation, as stored in {@code chat_messages}. */
public record ChatTurn(ChatRole role, String text) {
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatTurn user(String text) {
        return new ChatTurn(ChatRole.USER, text);
    }

    public static ChatTurn assistant(String text) {
        return new ChatTurn(ChatRole.ASSISTANT, text);
    }
}
