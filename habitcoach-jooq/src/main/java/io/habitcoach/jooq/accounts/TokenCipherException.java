package io.habitcoach.jooq.accounts;

import io.habitcoach.core.HabitCoachException;

/**
 * OAuth tokens could not be encrypted or decrypted: no {@link TokenCipher} is configured, or the
 * configured one failed. Nothing was written. Not retryable: the configuration must change.
 */
public class TokenCipherException extends HabitCoachException {

    private static final long serialVersionUID = 1L;

    public TokenCipherException(String message) {
        super(message);
    }

    public TokenCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
