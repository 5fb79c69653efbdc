package io.habitcoach.jooq.accounts;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.internal.Secrets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt (variant {@code $2a$}, as the seed stores), with Spring Security's implementation of
 * the algorithm. Hashes made elsewhere with {@code $2a$}, {@code $2b$} or {@code $2y$} verify.
 *
 * <p>bcrypt reads at most 72 bytes of a password: {@link #hash} refuses a longer one rather than
 * silently ignoring its end. With a pepper (a secret the host keeps outside the database), the
 * password is first replaced by base64(HMAC-SHA256(pepper, password)), so a stolen table alone
 * cannot even be attacked offline and the 72-byte limit goes away; but hashes made with a pepper
 * verify only with that pepper, and hashes made without one (the seed's) only without it.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    /** The default cost: 2^10 rounds, about 70 ms on a current server core. */
    public static final int DEFAULT_COST = 10;
    private static final int MAX_BCRYPT_BYTES = 72;

    private final int cost;
    private final byte[] pepper;

    /** bcrypt with {@link #DEFAULT_COST} and no pepper. */
    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    /** bcrypt with the given cost (4 to 31; each step doubles the time), no pepper. */
    public BcryptPasswordHasher(int cost) {
        this(cost, null);
    }

    /**
     * bcrypt with the given cost and a pepper of at least 32 bytes (null for none). The pepper is
     * copied; keep it in the host's secret store, never in the database.
     */
    public BcryptPasswordHasher(int cost, byte[] pepper) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be from 4 to 31, got " + cost);
        }
        if (pepper != null && pepper.length < 32) {
            throw new IllegalArgumentException("a pepper must have at least 32 bytes, got " + pepper.length);
        }
        this.cost = cost;
        this.pepper = pepper == null ? null : pepper.clone();
    }

    @Override
    public String hash(CharSequence password) {
        byte[] input = input(password);
        try {
            if (input.length > MAX_BCRYPT_BYTES) {
                throw new InvalidInputException("password", "at most " + MAX_BCRYPT_BYTES
                        + " bytes in UTF-8 (bcrypt ignores the rest)");
            }
            return BCrypt.hashpw(input, BCrypt.gensalt("$2a", cost, Secrets.random()));
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    @Override
    public boolean verify(CharSequence password, String hash) {
        Objects.requireNonNull(password, "password");
        if (hash == null) {
            return false;
        }
        byte[] input = input(password);
        try {
            return BCrypt.checkpw(input, hash);
        } catch (IllegalArgumentException e) {
            return false; // not a bcrypt hash
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /**
     * True for a bcrypt hash of a lower cost than this hasher's (the cost is part of the hash:
     * {@code $2a$10$...}), so that raising the cost upgrades each user's hash at their next login.
     * A hash of a higher cost is left alone; a hash that is not bcrypt's never verified.
     */
    @Override
    public boolean needsRehash(String hash) {
        if (hash == null || hash.length() < 7 || hash.charAt(0) != '$' || hash.charAt(3) != '$'
                || hash.charAt(6) != '$') {
            return false;
        }
        try {
            return Integer.parseInt(hash.substring(4, 6)) < cost;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The bytes bcrypt sees: the UTF-8 password, or its peppered HMAC. */
    private byte[] input(CharSequence password) {
        Objects.requireNonNull(password, "password");
        byte[] utf8 = utf8(password);
        if (pepper == null) {
            return utf8;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return Base64.getEncoder().encode(mac.doFinal(utf8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    // Encodes without an intermediate String, so the caller's char[] is not copied into the heap's strings.
    private static byte[] utf8(CharSequence password) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(password));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            if (buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("password", "valid Unicode text (no lone surrogates)");
        }
    }

    @Override
    public String toString() {
        return "BcryptPasswordHasher[cost=" + cost + ", pepper=" + (pepper == null ? "none" : "[redacted]") + "]";
    }
}
