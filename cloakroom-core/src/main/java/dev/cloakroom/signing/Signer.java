package dev.cloakroom.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Django's {@code django.core.signing.Signer} with SHA-256: {@code sign(v)} is
 * {@code v + ":" + signature(v)}, where the signature is the unpadded URL-safe base64 of
 * {@code salted_hmac(salt + "signer", v, key, sha256)}.
 *
 * <p>Signs with the current key and accepts a signature made with any key of the {@link SecretKey}.
 * Immutable and thread-safe. Django 3.2's acceptance of SHA-1 signatures is not supported.
 */
public final class Signer {

    private static final int MAX_SIGNATURE_IN_MESSAGE = 64;

    private final String salt;
    private final SaltedHmac.KeyedMac[] macs;

    /**
     * Creates a signer.
     *
     * @param keys the key to sign with and the keys to accept
     * @param salt the namespace of the signed values, for example {@link Salts#DEFAULT}
     */
    public Signer(SecretKey keys, String salt) {
        this.salt = Objects.requireNonNull(salt, "salt");
        List<String> all = keys.all();
        this.macs = new SaltedHmac.KeyedMac[all.size()];
        for (int i = 0; i < all.size(); i++) {
            macs[i] = new SaltedHmac.KeyedMac(SaltedHmac.Algorithm.SHA256,
                    SaltedHmac.deriveKey(SaltedHmac.Algorithm.SHA256, salt + "signer", all.get(i)));
        }
    }

    /** Returns the 43-character signature of {@code value} made with the current key. */
    public String signature(String value) {
        return signature(value, macs[0]);
    }

    /** Returns {@code value + ":" + signature(value)}. */
    public String sign(String value) {
        return value + ':' + signature(value);
    }

    /**
     * Checks the signature after the last {@code :} against every key, in constant time per key, and
     * returns the text before it.
     *
     * @throws BadSignatureException if there is no {@code :} or no key gives that signature
     */
    public String unsign(String signed) throws BadSignatureException {
        int sep = signed.lastIndexOf(':');
        if (sep < 0) {
            throw new BadSignatureException("No \":\" found in value");
        }
        String value = signed.substring(0, sep);
        String given = signed.substring(sep + 1);
        byte[] givenBytes = given.getBytes(StandardCharsets.UTF_8);
        for (SaltedHmac.KeyedMac key : macs) {
            byte[] expected = signature(value, key).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(givenBytes, expected)) {
                return value;
            }
        }
        throw new BadSignatureException("Signature \"" + shorten(given) + "\" does not match");
    }

    /** Returns the salt, never the keys. */
    @Override
    public String toString() {
        return "Signer[salt=" + salt + ", keys=<masked>]";
    }

    private static String signature(String value, SaltedHmac.KeyedMac mac) {
        return Base64Url.encode(mac.hmac(value));
    }

    // A signature is 43 characters; whatever an attacker sends instead should not flood the logs.
    private static String shorten(String signature) {
        if (signature.length() <= MAX_SIGNATURE_IN_MESSAGE) {
            return signature;
        }
        return signature.substring(0, MAX_SIGNATURE_IN_MESSAGE) + "…";
    }
}
