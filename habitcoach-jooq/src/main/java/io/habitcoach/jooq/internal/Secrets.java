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

    /** The longest user-id part of a session token we accept (base64url of the id). */
    static final int MAX_TOKEN_USER_PART = 200;

    /**
     * A new session token of the user: base64url of the user's id, a dot, then {@link #newToken()}.
     * The id lets validation read that user's rows only (on Citus: one shard, docs/scale-out.md);
     * it tells the token's holder nothing they do not know. The secret is the 256 random bits.
     */
    public static String newSessionToken(String userId) {
        return URL.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "." + newToken();
    }

    /**
     * The user id a session token carries, or null for a token issued before tokens carried one
     * (a bare {@link #newToken()}); call only after {@link #looksLikeSessionToken}.
     */
    public static String sessionTokenUser(String token) {
        int dot = token.indexOf('.');
        return dot < 0 ? null : userId(token.substring(0, dot));
    }

    /** The user id in a token's first part: well-formed UTF-8 without control characters, else null. */
    private static String userId(String part) {
        try {
            String id = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(URL_DECODER.decode(part))).toString();
            return id.isEmpty() || id.chars().anyMatch(Character::isISOControl) ? null : id;
        } catch (java.nio.charset.CharacterCodingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code token} has the shape of a session token we issued, with or without a user id. */
    public static boolean looksLikeSessionToken(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return looksLikeToken(token);
        }
        String user = token.substring(0, dot);
        return dot > 0 && dot <= MAX_TOKEN_USER_PART && canonicalBase64(user) && userId(user) != null
                && looksLikeToken(token.substring(dot + 1));
    }

    /**
     * Whether {@code token} has the shape of one we issued; anything else cannot be valid, and is
     * refused before it costs a query (it also keeps a 10 MB "token" out of the hash function).
     */
    public static boolean looksLikeToken(String token) {
        return token.length() == TOKEN_LENGTH && canonicalBase64(token);
    }

    private static boolean canonicalBase64(String token) {
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
