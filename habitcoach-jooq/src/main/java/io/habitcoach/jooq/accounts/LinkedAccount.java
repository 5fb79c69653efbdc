package io.habitcoach.jooq.accounts;

import java.time.OffsetDateTime;

/**
 * An OAuth account linked to a user, with its tokens decrypted. {@link #toString()} never prints
 * the tokens.
 */
public record LinkedAccount(
        String id,
        String userId,
        String provider,
        String providerAccountId,
        String accessToken,
        String refreshToken,
        OffsetDateTime tokenExpiry,
        OffsetDateTime createdAt) {

    @Override
    public String toString() {
        return "LinkedAccount[id=" + id + ", userId=" + userId + ", provider=" + provider
                + ", providerAccountId=" + providerAccountId
                + ", accessToken=" + (accessToken == null ? "null" : "[redacted]")
                + ", refreshToken=" + (refreshToken == null ? "null" : "[redacted]")
                + ", tokenExpiry=" + tokenExpiry + ", createdAt=" + createdAt + "]";
    }
}
