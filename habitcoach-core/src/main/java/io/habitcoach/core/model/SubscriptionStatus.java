package io.habitcoach.core.model;

import io.habitcoach.core.Coded;

/** The state of a user's paid subscription. */
public enum SubscriptionStatus implements Coded {
    ACTIVE("active"),
    PAUSED("paused"),
    CANCELLED("cancelled");

    private final String code;

    SubscriptionStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static SubscriptionStatus fromCode(String code) {
        return Coded.fromCode(SubscriptionStatus.class, code, "subscriptionStatus");
    }
}
