package dev.cloakroom.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The token of the {@code encrypted_cookies} engine: {@code 1.<keyId>.<base64url(nonce || ciphertext ||
 * tag)>} (URL-safe base64 without padding), AES-256-GCM from the JDK's provider with a 12-byte random
 * nonce and a 16-byte tag. The associated data is the UTF-8 text {@code 1.<keyId>.<cookieName>}, so a
 * token only opens under its format version, its key and the cookie name it was written for.
 *
 * <p>Thread-safe. A {@link Cipher} is not, and looking one up costs several times what encrypting a
 * cookie does, so each thread keeps one; every call initializes it afresh with its key and nonce.
 */
final class EncryptedToken {

    /** The format version, the token's first part. */
    static final String VERSION = "1";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(EncryptedToken::newCipher);

    private EncryptedToken() {
    }

    /** Encrypts {@code plaintext} under {@code key} with a fresh nonce from {@code random}. */
    static String seal(EncryptionKeyRing.Key key, String cookieName, byte[] plaintext, SecureRandom random) {
        byte[] sealed = new byte[NONCE_BYTES + plaintext.length + TAG_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData(key.id(), cookieName));
            int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
            if (written != plaintext.length + TAG_BYTES) {
                throw new IllegalStateException("AES-GCM wrote " + written + " bytes for "
                        + plaintext.length + " bytes of plaintext");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime cannot encrypt with " + TRANSFORMATION, e);
        }
        return VERSION + "." + key.id() + "." + ENCODER.encodeToString(sealed);
    }

    /**
     * Decrypts a token with the key it names.
     *
     * @throws Rejected if the token is malformed, names a version or key not known here, or fails
     *     authentication; the message says which, without quoting the token
     */
    static byte[] open(EncryptionKeyRing ring, String cookieName, String token) throws Rejected {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new Rejected("it is not three parts separated by dots");
        }
        if (!token.substring(0, firstDot).equals(VERSION)) {
            throw new Rejected("its format version is not " + VERSION);
        }
        EncryptionKeyRing.Key key = ring.find(token.substring(firstDot + 1, secondDot));
        if (key == null) {
            throw new Rejected("its key id is not on the key ring (a key removed, or a forged id)");
        }
        String encoded = token.substring(secondDot + 1);
        byte[] sealed;
        try {
            sealed = DECODER.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Rejected("its payload is not base64");
        }
        // One text per byte string: padding or stray low bits would make a second spelling of a token.
        if (!ENCODER.encodeToString(sealed).equals(encoded)) {
            throw new Rejected("its payload is not canonical unpadded base64");
        }
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new Rejected("its payload of " + sealed.length
                    + " bytes is shorter than a nonce and a tag");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.spec(),
                    new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(key.id(), cookieName));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new Rejected("it fails authentication (tampered, truncated, or for another cookie name)");
        } catch (GeneralSecurityException e) {
            throw new Rejected("it cannot be decrypted: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime has no " + TRANSFORMATION, e);
        }
    }

    private static byte[] associatedData(String keyId, String cookieName) {
        return (VERSION + "." + keyId + "." + cookieName).getBytes(StandardCharsets.UTF_8);
    }

    /** A token that does not open; the message completes "Rejected an encrypted session cookie: ". */
    static final class Rejected extends Exception {

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
