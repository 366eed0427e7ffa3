package dev.cloakroom.signing;

import static dev.cloakroom.signing.ObjectSignerFuzzTest.CLOCK;
import static dev.cloakroom.signing.ObjectSignerFuzzTest.SECRET;
import static dev.cloakroom.signing.ObjectSignerFuzzTest.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes {@link TimestampSigner#unsign}, Django's {@code TimestampSigner.unsign}.
 *
 * <p>Documented behaviour: {@code unsign} returns the value and its time or throws
 * {@link BadSignatureException} (for a valid signature on a value older than {@code maxAge}, its subclass
 * {@link SignatureExpiredException}); nothing else, and no message holding the secret key.
 *
 * <p>The first input byte picks what the rest is: a whole signed value as a client could send it (0), or
 * text that is signed here with the right key by the plain {@link Signer}, so that the fuzzer reaches the
 * timestamp after the last {@code :} (1). With bit 7 set, {@code maxAge} is one hour.
 */
class TimestampSignerFuzzTest {

    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final TimestampSigner signer = new TimestampSigner(SecretKey.of(SECRET), Salts.SESSION, CLOCK);
    private final Signer plain = new Signer(SecretKey.of(SECRET), Salts.SESSION);

    @FuzzTest
    void unsignReturnsTheValueOrBadSignature(byte[] input) {
        if (input.length == 0) {
            return;
        }
        boolean signHere = (input[0] & 1) == 1;
        Duration maxAge = (input[0] & 0x80) == 0 ? null : ONE_HOUR;
        String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        String signed = signHere ? plain.sign(text) : text;
        try {
            TimestampSigner.Unsigned unsigned = signer.unsign(signed, maxAge);
            int sep = text.lastIndexOf(':');
            if (signHere) {
                assertThat(unsigned.value()).isEqualTo(text.substring(0, sep));
                assertThat(unsigned.timestamp().getEpochSecond())
                        .isEqualTo(Base62.decode(text.substring(sep + 1)));
            }
            if (maxAge != null) {
                assertThat(Duration.between(unsigned.timestamp(), CLOCK.instant()))
                        .isLessThanOrEqualTo(maxAge);
            }
        } catch (SignatureExpiredException e) {
            assertThat(maxAge).isNotNull();
            assertThat(e.age()).isGreaterThan(maxAge);
            assertNoSecret(e);
        } catch (BadSignatureException e) {
            if (signHere) {
                assertThat(e.getMessage()).as("a value signed with the key").matches("(?s)"
                        + "No \":\" found in the signed value, so it has no timestamp"
                        + "|Invalid timestamp in signed value: .*");
            }
            assertNoSecret(e);
        }
    }
}
