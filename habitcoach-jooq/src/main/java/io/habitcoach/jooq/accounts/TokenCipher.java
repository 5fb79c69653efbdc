package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;

/**
 * Encrypts OAuth tokens before they are stored and decrypts them when they are read. The default
 * is {@link AesGcmTokenCipher} with a key the host supplies; a host may plug in its own (e.g. one
 * that calls a KMS) with {@link HabitCoach.Builder#tokenCipher(TokenCipher)}. Implementations
 * must be thread-safe and authenticated: a ciphertext that was changed, or is decrypted with
 * another key or other associated data, must throw {@link TokenDecryptionException}, never
 * return garbage.
 */
public interface TokenCipher {

    /**
     * The ciphertext of {@code plaintext} as text that fits a {@code TEXT} column.
     *
     * @param associatedData what the ciphertext is bound to (the row and column it is stored in):
     *                       it must be given again, unchanged, to decrypt, so a ciphertext copied
     *                       into another row does not decrypt there
     */
    String encrypt(String plaintext, String associatedData);

    /** The plaintext of a value made by {@link #encrypt}, or {@link TokenDecryptionException}. */
    String decrypt(String ciphertext, String associatedData);

    /**
     * Whether {@code ciphertext} was written with the current key, so that
     * {@link AccountService#reencryptTokens(int)} can leave it alone. The default says no: every
     * value is rewritten (harmless, only slower).
     */
    default boolean isCurrent(String ciphertext) {
        return false;
    }
}
