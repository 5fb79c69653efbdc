package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;

/**
 * Turns passwords into stored hashes and checks them. The default is
 * {@link BcryptPasswordHasher}; a host may plug in another (e.g. Argon2) with
 * {@link HabitCoach.Builder#passwordHasher(PasswordHasher)}. Implementations must be thread-safe,
 * salt every hash, and take about the same time in {@link #verify} whether or not the password
 * matches.
 */
public interface PasswordHasher {

    /**
     * A new salted hash of {@code password}, as stored in {@code users.password}. Throws
     * {@link io.habitcoach.core.InvalidInputException} for a password the algorithm cannot hash.
     */
    String hash(CharSequence password);

    /**
     * Whether {@code password} matches {@code hash}. A hash that is malformed or of an unknown
     * algorithm gives false, never an exception.
     */
    boolean verify(CharSequence password, String hash);

    /**
     * Whether {@code hash}, which just verified, was made with weaker settings than this hasher's
     * (a lower bcrypt cost, say) and should be replaced: {@link CredentialService#authenticate}
     * then stores a new hash of the password it was given. Default: never.
     */
    default boolean needsRehash(String hash) {
        return false;
    }
}
