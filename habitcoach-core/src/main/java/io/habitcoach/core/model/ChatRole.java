package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** Who wrote a chat message. */
public enum ChatRole implements Coded {
    USER("user"),
    ASSISTANT("assistant");

    private final String code;

    ChatRole(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ChatRole fromCode(String code) {
        return Coded.fromCode(ChatRole.class, code, "chatRole");
    }
}
