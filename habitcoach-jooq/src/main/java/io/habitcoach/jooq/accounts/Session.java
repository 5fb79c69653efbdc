package io.habitcoach.jooq.accounts;

import java.time.OffsetDateTime;

/**
 * A login session as the services show it. The token is never part of it: the database holds
 * only its hash, and the token itself is shown once, in {@link IssuedSession}.
 *
 * @param revokedAt  when it was revoked, or null
 * @param lastUsedAt when it was last validated or touched, or null
 */
public record Session(
        String id,
        String userId,
        String userAgent,
        String ipAddress,
        OffsetDateTime expiresAt,
        OffsetDateTime createdAt,
        OffsetDateTime revokedAt,
        OffsetDateTime lastUsedAt) {
}
