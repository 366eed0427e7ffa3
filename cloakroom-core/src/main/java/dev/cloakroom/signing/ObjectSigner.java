package dev.cloakroom.signing;

import dev.cloakroom.internal.Zlib;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code signing.dumps} / {@code signing.loads} with the JSON serializer: the value as
 * {@link PythonJson} text, optionally zlib-compressed (then flagged by a leading {@code .}), URL-safe
 * base64 without padding, signed by a {@link TimestampSigner}. Session data and signed cookies use
 * this format with the salts in {@link Salts}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ObjectSigner {

    /** The default bound on the size of a decompressed payload: 1 MiB. */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 1_048_576;

    // Below this size zlib's 6-byte wrapper and block overhead can never save two bytes.
    private static final int MIN_COMPRESSIBLE = 10;

    private final TimestampSigner signer;
    private final int maxDecompressedBytes;

    /**
     * Creates an object signer that decompresses at most {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}.
     *
     * @param keys the key to sign with and the keys to accept
     * @param salt the namespace, for example {@link Salts#SESSION}
     * @param clock where signing time and the age of values are read from
     */
    public ObjectSigner(SecretKey keys, String salt, Clock clock) {
        this(keys, salt, clock, DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /**
     * Creates an object signer with a bound on decompressed payloads.
     *
     * @param maxDecompressedBytes the largest decompressed payload {@link #loads} accepts
     * @throws IllegalArgumentException if {@code maxDecompressedBytes} is not positive or is larger than
     *     {@code Integer.MAX_VALUE - 16}
     */
    public ObjectSigner(SecretKey keys, String salt, Clock clock, int maxDecompressedBytes) {
        if (maxDecompressedBytes <= 0 || maxDecompressedBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    "maxDecompressedBytes must be between 1 and 2^31 - 17, was " + maxDecompressedBytes);
        }
        this.signer = new TimestampSigner(keys, salt, Objects.requireNonNull(clock, "clock"));
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /**
     * Serializes, optionally compresses, and signs {@code value} with the current key and time.
     * Compressed data is used only if it is at least two bytes shorter, as in Django.
     *
     * @param value a JSON value as {@link PythonJson#dumps(Object)} accepts it
     * @param compress whether to try zlib compression (sessions always do)
     * @throws IllegalArgumentException if {@code value} contains something that is not JSON
     */
    public String dumps(@Nullable Object value, boolean compress) {
        byte[] data = PythonJson.dumps(value).getBytes(StandardCharsets.ISO_8859_1);
        boolean compressed = false;
        if (compress && data.length >= MIN_COMPRESSIBLE) {
            byte[] deflated = Zlib.compress(data);
            if (deflated.length < data.length - 1) {
                data = deflated;
                compressed = true;
            }
        }
        String encoded = Base64Url.encode(data);
        return signer.sign(compressed ? "." + encoded : encoded);
    }

    /**
     * Verifies {@code token} and returns its value and signing time. Objects come back as
     * {@code LinkedHashMap}, arrays as {@code ArrayList}, numbers as in {@link PythonJson#loads}.
     *
     * @param maxAge the oldest accepted age, or null to accept any age (as for stored session data)
     * @throws SignatureExpiredException if the signature is valid but older than {@code maxAge}
     * @throws BadSignatureException if the signature or timestamp is missing, malformed or wrong
     * @throws UnreadablePayloadException if the signature is valid but the payload is not base64, not
     *     a zlib stream, over the decompression limit, or not JSON
     */
    public Loaded loads(String token, @Nullable Duration maxAge)
            throws BadSignatureException, UnreadablePayloadException {
        TimestampSigner.Unsigned unsigned = signer.unsign(token, maxAge);
        String encoded = unsigned.value();
        boolean compressed = encoded.startsWith(".");
        byte[] data;
        try {
            data = Base64Url.decode(compressed ? encoded.substring(1) : encoded);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePayloadException("Invalid base64 payload: " + e.getMessage(), e);
        }
        if (compressed) {
            data = Zlib.decompress(data, maxDecompressedBytes);
        }
        try {
            // Django decodes the payload as latin-1; valid payloads are ASCII.
            return new Loaded(PythonJson.loads(new String(data, StandardCharsets.ISO_8859_1)),
                    unsigned.timestamp());
        } catch (IllegalArgumentException e) {
            String message = Objects.requireNonNullElse(e.getMessage(), "Invalid JSON");
            throw new UnreadablePayloadException(message, e);
        }
    }

    /** Returns the signer's description; no keys. */
    @Override
    public String toString() {
        return "ObjectSigner[" + signer + ", maxDecompressedBytes=" + maxDecompressedBytes + "]";
    }

    /**
     * A verified, decoded value and the time it was signed.
     *
     * @param value the decoded JSON value
     * @param timestamp when it was signed, to the second
     */
    public record Loaded(@Nullable Object value, Instant timestamp) {

        /** Creates the result. */
        public Loaded {
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }
}
