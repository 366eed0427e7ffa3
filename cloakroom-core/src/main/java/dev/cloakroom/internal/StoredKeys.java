package dev.cloakroom.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Session keys hashed at rest: what engines built with {@code hashKeys(true)} store instead of the key.
 * The hash is SHA-256 of the key's UTF-8 bytes, cut to its first 160 bits and written as 40 lower-case hex
 * characters, so it fits Django's {@code varchar(40)} {@code session_key} column and is itself a valid
 * key shape. 160 bits leave the hash one-way and collision-free for any number of sessions; the key it
 * hides carries about 165 bits, so a copy of the store gives no live key.
 */
public final class StoredKeys {

    /** The length of a stored hash: 40 hex characters (160 bits). */
    public static final int HASH_LENGTH = 40;

    private StoredKeys() {
    }

    /** Returns the stored form of {@code sessionKey}: the first 160 bits of its SHA-256, in hex. */
    public static String hash(String sessionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sessionKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
