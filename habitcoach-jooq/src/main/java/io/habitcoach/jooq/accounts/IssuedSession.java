package io.habitcoach.jooq.accounts;

import java.util.Objects;

/**
 * A new session and its token. The token (256 random bits, base64url, 43 characters) exists only
 * here: hand it to the client (e.g. in an {@code HttpOnly; Secure} cookie) and forget it, since
 * it cannot be read back from the database.
 */
public record IssuedSession(String token, Session session) {

    public IssuedSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }

    /** Never prints the token, so that a log line cannot leak it. */
    @Override
    public String toString() {
        return "IssuedSession[token=[redacted], session=" + session + "]";
    }
}
