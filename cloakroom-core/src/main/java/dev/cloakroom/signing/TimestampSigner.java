package dev.cloakroom.signing;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code TimestampSigner}: {@code sign(v)} is {@code Signer.sign(v + ":" + base62(now))}, with
 * {@code now} in whole Unix seconds read from the clock, so the timestamp is covered by the signature.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampSigner {

    private final Signer signer;
    private final Clock clock;

    /**
     * Creates a timestamp signer.
     *
     * @param keys the key to sign with and the keys to accept
     * @param salt the namespace of the signed values
     * @param clock where signing time and the age of values are read from
     */
    public TimestampSigner(SecretKey keys, String salt, Clock clock) {
        this.signer = new Signer(keys, salt);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns {@code value + ":" + base62(now) + ":" + signature}. */
    public String sign(String value) {
        return signer.sign(value + ':' + Base62.encode(clock.instant().getEpochSecond()));
    }

    /**
     * Verifies {@code signed} and returns the value with its signing time. A timestamp in the future is
     * accepted, as in Django.
     *
     * @param maxAge the oldest accepted age, or null to accept any age
     * @throws SignatureExpiredException if the signature is valid but older than {@code maxAge}
     * @throws BadSignatureException if the signature is missing or wrong, or the signed text has no
     *     valid base62 timestamp
     */
    public Unsigned unsign(String signed, @Nullable Duration maxAge) throws BadSignatureException {
        String result = signer.unsign(signed);
        int sep = result.lastIndexOf(':');
        if (sep < 0) {
            throw new BadSignatureException("No \":\" found in the signed value, so it has no timestamp");
        }
        Instant timestamp;
        try {
            timestamp = Instant.ofEpochSecond(Base62.decode(result.substring(sep + 1)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadSignatureException("Invalid timestamp in signed value: " + e.getMessage(), e);
        }
        if (maxAge != null) {
            Duration age = Duration.between(timestamp, clock.instant());
            if (age.compareTo(maxAge) > 0) {
                throw new SignatureExpiredException(age, maxAge);
            }
        }
        return new Unsigned(result.substring(0, sep), timestamp);
    }

    /** Returns the signer's description; no keys. */
    @Override
    public String toString() {
        return "Timestamp" + signer;
    }

    /**
     * A verified value and the time it was signed.
     *
     * @param value the text that was signed, without the timestamp
     * @param timestamp when it was signed, to the second
     */
    public record Unsigned(String value, Instant timestamp) {

        /** Creates the result. */
        public Unsigned {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }
}
