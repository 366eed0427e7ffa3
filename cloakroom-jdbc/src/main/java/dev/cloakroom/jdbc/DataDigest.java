package dev.cloakroom.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The MD5 a compare-and-set {@code UPDATE} compares instead of the whole {@code session_data}
 * ({@link SqlDialect#dataDigestMatches}): not a security measure (the data is signed), just a shorter
 * round trip. Two different session records that a request loaded and another saved would have to share an
 * MD5 by chance for a stale write to pass: 2<sup>-128</sup>.
 */
final class DataDigest {

    private static final MessageDigest PROTOTYPE = md5();

    private DataDigest() {
    }

    /**
     * Returns the lower-case hex MD5 of {@code data}, or {@code null} if {@code data} is not ASCII: the
     * database hashes the bytes of its own character set, which only ASCII is sure to match, so other
     * data is compared whole. Django's encoding of a session is always ASCII.
     */
    static @Nullable String md5Hex(String data) {
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) >= 0x80) {
                return null;
            }
        }
        return HexFormat.of().formatHex(copy().digest(data.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return md5();
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
