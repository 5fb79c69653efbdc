package io.habitcoach.jooq.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session tokens: random bytes from {@link SecureRandom}, handed out as base64url, stored only as
 * a SHA-256 hash. A 256-bit random token needs no slow hash: there is nothing to guess from the
 * hash, unlike with a password.
 */
public final class Secrets {

    /** 32 random bytes = 256 bits. */
    public static final int TOKEN_BYTES = 32;
    /** base64url without padding of 32 bytes. */
    public static final int TOKEN_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private Secrets() {
    }

    /** The shared generator: {@link SecureRandom} is thread-safe. */
    public static SecureRandom random() {
        return RANDOM;
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A new session token: 256 random bits, base64url, 43 characters. */
    public static String newToken() {
        return URL.encodeToString(randomBytes(TOKEN_BYTES));
    }

    /**
     * Whether {@code token} has the shape of one we issued; anything else cannot be valid, and is
     * refused before it costs a query (it also keeps a 10 MB "token" out of the hash function).
     */
    public static boolean looksLikeToken(String token) {
        if (token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        // the last character carries 2 padding bits, which must be zero in a canonical encoding
        try {
            return URL.encodeToString(URL_DECODER.decode(token)).equals(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Lower-case hex SHA-256 of the token's characters: what {@code sessions.token} stores. */
    public static String tokenHash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
