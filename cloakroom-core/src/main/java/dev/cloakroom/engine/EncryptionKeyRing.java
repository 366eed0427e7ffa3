package dev.cloakroom.engine;

import dev.cloakroom.signing.SaltedHmac;
import dev.cloakroom.signing.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The AES-256 keys of the {@code encrypted_cookies} engine: one current key, which encrypts every new
 * cookie, and older keys, which still decrypt cookies written before a rotation. Each key has a short id,
 * written in clear in every token, so a cookie names the key it needs; a cookie whose key id is not on the
 * ring is rejected.
 *
 * <p>Rotation: make a ring with a new current key and the previous current key among the older ones.
 * Cookies under the old key keep working and are re-encrypted under the new key the next time their
 * session is saved; once the cookie age has passed, drop the old key: its cookies no longer load.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the key ids, never the keys.
 */
public final class EncryptionKeyRing {

    /** The length of every key: 32 bytes, for AES-256. */
    public static final int KEY_BYTES = 32;

    /**
     * The key salt with which {@link #fromSecretKey} derives an AES key from a secret key with Django's
     * {@code salted_hmac} (HMAC-SHA256).
     */
    public static final String DERIVATION_SALT = "dev.cloakroom.engine.EncryptedCookieEngine";

    /** The value {@link #fromSecretKey} MACs under the salted secret to derive an AES key. */
    static final String DERIVATION_VALUE = "aes-256-gcm cookie key";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final int DERIVED_ID_BYTES = 6;

    private final Key current;
    private final List<String> ids;
    private final Map<String, Key> byId;

    private EncryptionKeyRing(Key current, List<Key> older) {
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (Key key : older) {
            Key before = keys.putIfAbsent(key.id(), key);
            if (before != null) {
                throw new IllegalArgumentException("Two keys on the ring have the id '" + key.id()
                        + "'; every key needs its own id");
            }
        }
        this.current = current;
        this.ids = List.copyOf(keys.keySet());
        this.byId = Map.copyOf(keys);
    }

    /**
     * Returns a ring of explicit keys, for keys kept outside the application's settings (a KMS, a
     * vault): {@code current} encrypts, {@code older} only decrypt.
     *
     * @throws IllegalArgumentException if two keys have the same id
     */
    public static EncryptionKeyRing of(Key current, Key... older) {
        return of(current, List.of(older));
    }

    /**
     * Returns a ring of explicit keys: {@code current} encrypts, {@code older} only decrypt.
     *
     * @throws IllegalArgumentException if two keys have the same id
     */
    public static EncryptionKeyRing of(Key current, List<Key> older) {
        return new EncryptionKeyRing(Objects.requireNonNull(current, "current"), List.copyOf(older));
    }

    /**
     * Returns the ring derived from the application's secret key: the current secret gives the current AES
     * key, each fallback an older one (so rotating {@code SECRET_KEY} with {@code SECRET_KEY_FALLBACKS}
     * rotates the encryption keys too). Each AES key is Django's
     * {@code salted_hmac(DERIVATION_SALT, "aes-256-gcm cookie key", secret, algorithm="sha256")}, and its
     * id is derived from a hash of that AES key, not of the secret. A secret listed twice gives one key.
     */
    public static EncryptionKeyRing fromSecretKey(SecretKey secretKey) {
        Key current = derived(secretKey.current());
        List<Key> older = new ArrayList<>();
        for (String fallback : secretKey.fallbacks()) {
            Key key = derived(fallback);
            if (!key.sameAs(current) && older.stream().noneMatch(key::sameAs)) {
                older.add(key);
            }
        }
        return new EncryptionKeyRing(current, older);
    }

    private static Key derived(String secret) {
        byte[] aesKey = SaltedHmac.sha256(DERIVATION_SALT, DERIVATION_VALUE, secret);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("cloakroom key id ".getBytes(StandardCharsets.US_ASCII));
            byte[] hash = sha256.digest(aesKey);
            String id = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(hash, DERIVED_ID_BYTES));
            return new Key(id, aesKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime must support SHA-256", e);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    /** The id of the key that encrypts new cookies. */
    public String currentId() {
        return current.id();
    }

    /** The ids of every key on the ring, the current one first. */
    public List<String> ids() {
        return ids;
    }

    /** The key that encrypts. */
    Key current() {
        return current;
    }

    /** The key with {@code id}, or null if it is not on the ring. */
    @Nullable Key find(String id) {
        return byId.get(id);
    }

    /** Shows the key ids, never the keys. */
    @Override
    public String toString() {
        return "EncryptionKeyRing[current=" + current.id() + ", ids=" + ids + "]";
    }

    /**
     * One AES-256 key and its id. Immutable and thread-safe; {@link #toString()} shows only the id.
     */
    public static final class Key {

        private final String id;
        private final SecretKeySpec spec;

        private Key(String id, byte[] bytes) {
            this.id = id;
            this.spec = new SecretKeySpec(bytes, "AES");
        }

        /**
         * Returns a key from its raw bytes (copied) and an id that tokens carry in clear.
         *
         * @param id 1 to 16 characters from {@code A-Z a-z 0-9 _ -}; not secret
         * @param bytes exactly {@value EncryptionKeyRing#KEY_BYTES} random bytes
         * @throws IllegalArgumentException if the id or the length is wrong
         */
        public static Key of(String id, byte[] bytes) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("A key id is 1 to 16 characters from A-Z a-z 0-9 _ -, "
                        + "was '" + (id.length() > 32 ? id.substring(0, 32) + "…" : id) + "'");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("An AES-256 key is " + KEY_BYTES + " bytes; key '" + id
                        + "' has " + bytes.length);
            }
            return new Key(id, bytes);
        }

        /** The id written in every token this key encrypts. */
        public String id() {
            return id;
        }

        /** The key for {@code javax.crypto}. */
        SecretKeySpec spec() {
            return spec;
        }

        private boolean sameAs(Key other) {
            return id.equals(other.id) && MessageDigest.isEqual(spec.getEncoded(), other.spec.getEncoded());
        }

        /** Shows the id only. */
        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }
}
