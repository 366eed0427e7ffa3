package dev.cloakroom.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code django.utils.crypto.salted_hmac}: the HMAC key is the plain hash of
 * {@code utf8(keySalt) + utf8(secret)}, and the result is HMAC of {@code utf8(value)} with that key.
 *
 * <p>Thread-safe. The key derived from a salt and a secret is kept (for at most
 * {@value #MAX_CACHED_KEYS} pairs), so a value signed again and again under the same pair, such as the
 * session auth hash on every login, costs one HMAC and no key setup.
 */
public final class SaltedHmac {

    private static final int MAX_CACHED_KEYS = 32;
    private static final Map<CacheKey, KeyedMac> KEYS = new ConcurrentHashMap<>();

    /** A hash function Django's {@code salted_hmac} accepts, with its JCA names. */
    enum Algorithm {
        SHA1("SHA-1", "HmacSHA1"),
        SHA256("SHA-256", "HmacSHA256");

        private final String digest;
        private final String mac;

        Algorithm(String digest, String mac) {
            this.digest = digest;
            this.mac = mac;
        }
    }

    private SaltedHmac() {
    }

    /** Returns {@code salted_hmac(keySalt, value, secret, algorithm="sha256").digest()} (32 bytes). */
    public static byte[] sha256(String keySalt, String value, String secret) {
        return keyed(Algorithm.SHA256, keySalt, secret).hmac(value);
    }

    /**
     * Returns {@code salted_hmac(keySalt, value, secret, algorithm="sha256").hexdigest()}: 64 lower-case
     * hex digits, for example the session auth hash with {@link Salts#AUTH_HASH}.
     */
    public static String sha256Hex(String keySalt, String value, String secret) {
        return HexFormat.of().formatHex(sha256(keySalt, value, secret));
    }

    /** Returns the legacy {@code salted_hmac(keySalt, value, secret).digest()} with SHA-1 (20 bytes). */
    public static byte[] sha1(String keySalt, String value, String secret) {
        return keyed(Algorithm.SHA1, keySalt, secret).hmac(value);
    }

    /** Returns the legacy SHA-1 {@code salted_hmac(...).hexdigest()}: 40 lower-case hex digits. */
    public static String sha1Hex(String keySalt, String value, String secret) {
        return HexFormat.of().formatHex(sha1(keySalt, value, secret));
    }

    /**
     * The HMAC under the key of {@code keySalt} and {@code secret}, from the cache or made and cached. A full
     * cache is emptied rather than managed: it only fills beyond a handful of pairs if an application derives
     * keys from ever new salts or secrets, and then caching does not help anyway.
     */
    private static KeyedMac keyed(Algorithm algorithm, String keySalt, String secret) {
        CacheKey key = new CacheKey(algorithm, keySalt, secret);
        KeyedMac mac = KEYS.get(key);
        if (mac == null) {
            mac = new KeyedMac(algorithm, deriveKey(algorithm, keySalt, secret));
            if (KEYS.size() >= MAX_CACHED_KEYS) {
                KEYS.clear();
            }
            KEYS.put(key, mac);
        }
        return mac;
    }

    /** What a cached key is derived from. */
    private record CacheKey(Algorithm algorithm, String keySalt, String secret) {

        @Override
        public String toString() {
            return "CacheKey[" + algorithm + ", " + keySalt + "]"; // never the secret
        }
    }

    /** Returns the HMAC key {@code H(utf8(keySalt) + utf8(secret))}. */
    static byte[] deriveKey(Algorithm algorithm, String keySalt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.digest);
            digest.update(keySalt.getBytes(StandardCharsets.UTF_8));
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime must support " + algorithm.digest, e);
        }
    }

    /** Returns HMAC of {@code utf8(value)} under a key made by {@link #deriveKey}. */
    static byte[] hmac(Algorithm algorithm, byte[] derivedKey, String value) {
        return newMac(algorithm, derivedKey).doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(Algorithm algorithm, byte[] derivedKey) {
        try {
            Mac mac = Mac.getInstance(algorithm.mac);
            mac.init(new SecretKeySpec(derivedKey, algorithm.mac));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime must support " + algorithm.mac, e);
        }
    }

    /**
     * An HMAC under one derived key, for a key used again and again (a signer's). Looking the algorithm up
     * and hashing the key into the HMAC's inner and outer state happen once; each call copies that state.
     * Thread-safe: the prototype is never used itself.
     */
    static final class KeyedMac {

        private final Algorithm algorithm;
        private final byte[] derivedKey;
        private final Mac prototype;
        private final boolean cloneable;

        KeyedMac(Algorithm algorithm, byte[] derivedKey) {
            this.algorithm = algorithm;
            this.derivedKey = derivedKey.clone();
            this.prototype = newMac(algorithm, derivedKey);
            this.cloneable = copy(prototype) != null;
        }

        /** Returns HMAC of {@code utf8(value)}. */
        byte[] hmac(String value) {
            Mac mac = cloneable ? copy(prototype) : null;
            if (mac == null) {
                mac = newMac(algorithm, derivedKey);
            }
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }

        private static @Nullable Mac copy(Mac mac) {
            try {
                return (Mac) mac.clone();
            } catch (CloneNotSupportedException e) {
                return null; // a provider whose HMAC cannot be copied: made afresh each time
            }
        }
    }
}
