package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** A chat conversation's state. */
public enum ConversationStatus implements Coded {
    ACTIVE("active"),
    ARCHIVED("archived");

    private final String code;

    ConversationStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ConversationStatus fromCode(String code) {
        return Coded.fromCode(ConversationStatus.class, code, "conversationStatus");
    }
}
