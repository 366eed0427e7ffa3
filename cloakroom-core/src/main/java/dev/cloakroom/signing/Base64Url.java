package dev.cloakroom.signing;

import java.util.Base64;

/** Django's {@code b64_encode} / {@code b64_decode}: URL-safe base64 without trailing {@code =}. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    /** Encodes {@code data} with the URL-safe alphabet and no padding. */
    static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /**
     * Decodes URL-safe base64; padding may be present or missing, as Django re-pads before decoding.
     *
     * @throws IllegalArgumentException if {@code text} has a character outside the URL-safe alphabet or
     *     a length no base64 text can have
     */
    static byte[] decode(String text) {
        return DECODER.decode(text);
    }
}
