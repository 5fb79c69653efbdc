package io.habitcoach.jooq.accounts;

/**
 * A stored token did not decrypt: it was encrypted with another key (a wrong or rotated-out key
 * in the configuration), changed in the database, or copied from another row.
 */
public class TokenDecryptionException extends TokenCipherException {

    private static final long serialVersionUID = 1L;

    public TokenDecryptionException(String message) {
        super(message);
    }

    public TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
