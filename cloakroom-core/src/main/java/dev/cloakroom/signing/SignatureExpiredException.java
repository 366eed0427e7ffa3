package dev.cloakroom.signing;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Thrown when a timestamped value has a valid signature but is older than the allowed maximum age
 * (Django's {@code SignatureExpired}). The message reads {@code Signature age 7 > 5 seconds}.
 */
public final class SignatureExpiredException extends BadSignatureException {

    private final Duration age;
    private final Duration maxAge;

    /** Creates the exception for a value of age {@code age} checked against {@code maxAge}. */
    public SignatureExpiredException(Duration age, Duration maxAge) {
        super("Signature age " + seconds(age) + " > " + seconds(maxAge) + " seconds");
        this.age = age;
        this.maxAge = maxAge;
    }

    /** Returns how old the value was when it was checked. */
    public Duration age() {
        return age;
    }

    /** Returns the maximum age the value was checked against. */
    public Duration maxAge() {
        return maxAge;
    }

    private static String seconds(Duration duration) {
        if (duration.getNano() == 0) {
            return Long.toString(duration.getSeconds());
        }
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros().toPlainString();
    }
}
