package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.internal.Secrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the JDK's own provider: a fresh random 96-bit IV for every value, a 128-bit
 * tag, and the associated data (row and column) authenticated with it. A stored value reads
 * {@code v1:<key id>:<base64(iv || ciphertext || tag)>}; the key id is derived from the key (it
 * reveals nothing about it) and says which key to decrypt with.
 *
 * <p>Key rotation: configure the new key first and the old ones after it. New values are written
 * with the first key; values written with any configured key still decrypt. A value whose key is
 * not configured, or that does not authenticate, is a {@link TokenDecryptionException}.
 */
public final class AesGcmTokenCipher implements TokenCipher {

    private static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    /**
     * A cipher that encrypts with {@code key} (32 bytes, e.g. from the host's KMS or secret store)
     * and also decrypts values written with any of {@code previousKeys}. The keys are copied.
     */
    public AesGcmTokenCipher(byte[] key, byte[]... previousKeys) {
        List<byte[]> all = new ArrayList<>();
        all.add(Objects.requireNonNull(key, "key"));
        for (byte[] previous : previousKeys) {
            all.add(Objects.requireNonNull(previous, "previousKeys"));
        }
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (byte[] k : all) {
            if (k.length != KEY_BYTES) {
                throw new IllegalArgumentException("an AES-256 key has 32 bytes, got " + k.length);
            }
            byId.putIfAbsent(keyId(k), new SecretKeySpec(k.clone(), "AES"));
        }
        this.keys = Map.copyOf(byId);
        this.currentKeyId = keyId(key);
    }

    /** A cipher from keys given in base64 (standard or URL alphabet), e.g. from an environment variable. */
    public static AesGcmTokenCipher fromBase64(String key, String... previousKeys) {
        byte[][] previous = Arrays.stream(previousKeys).map(AesGcmTokenCipher::decodeKey).toArray(byte[][]::new);
        return new AesGcmTokenCipher(decodeKey(key), previous);
    }

    /** A new random 256-bit key in base64, for a host that needs to make one. */
    public static String newKeyBase64() {
        return Base64.getEncoder().encodeToString(Secrets.randomBytes(KEY_BYTES));
    }

    @Override
    public String encrypt(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] iv = Secrets.randomBytes(IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new TokenCipherException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /** Whether the value is under the current (first) key: {@code v1:<current key id>:...}. */
    @Override
    public boolean isCurrent(String ciphertext) {
        return ciphertext != null && ciphertext.startsWith(VERSION + ":" + currentKeyId + ":");
    }

    @Override
    public String decrypt(String ciphertext, String associatedData) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(associatedData, "associatedData");
        String[] parts = ciphertext.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new TokenDecryptionException("not a value written by AesGcmTokenCipher (expected v1:<key id>:<data>)");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new TokenDecryptionException("the value was encrypted with a key that is not configured (key id "
                    + parts[1] + "); configure it as a previous key to read it");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new TokenDecryptionException("the stored value is not valid base64", e);
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new TokenDecryptionException("the stored value is too short to be AES-GCM output");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TokenDecryptionException("the stored value does not authenticate: it was changed, copied from "
                    + "another row, or written with another key of the same id", e);
        } catch (GeneralSecurityException e) {
            throw new TokenDecryptionException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    /** Eight hex digits of HMAC-SHA256(key, label): names the key without revealing it. */
    private static String keyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] id = mac.doFinal("habitcoach token cipher key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(id, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static byte[] decodeKey(String key) {
        Objects.requireNonNull(key, "key");
        String trimmed = key.strip();
        try {
            return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not valid base64", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmTokenCipher[current key id=" + currentKeyId + ", keys=" + keys.size() + "]";
    }
}
