package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampSignerTest {

    private static final SecretKey KEY = SecretKey.of("timestamp-secret");
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock CLOCK = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);

    private final TimestampSigner signer = new TimestampSigner(KEY, "salt", CLOCK);

    @Test
    void signPutsBase62TimeInsideTheSignedText() throws Exception {
        String signed = signer.sign("value");

        assertThat(signed).startsWith("value:1r31eq:");
        assertThat(new Signer(KEY, "salt").unsign(signed)).isEqualTo("value:1r31eq");
    }

    @Test
    void unsignReturnsValueAndSigningTime() throws Exception {
        TimestampSigner.Unsigned unsigned = signer.unsign(signer.sign("a:b"), null);

        assertThat(unsigned).isEqualTo(new TimestampSigner.Unsigned("a:b", SIGNED_AT));
    }

    @Test
    void unsignOlderThanMaxAgeThrowsSignatureExpired() {
        String signed = signer.sign("value");
        TimestampSigner later = signerAt(SIGNED_AT.plusSeconds(11));

        assertThatThrownBy(() -> later.unsign(signed, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SignatureExpiredException.class, e -> {
                    assertThat(e).hasMessage("Signature age 11 > 10 seconds");
                    assertThat(e.age()).isEqualTo(Duration.ofSeconds(11));
                    assertThat(e.maxAge()).isEqualTo(Duration.ofSeconds(10));
                });
    }

    @Test
    void unsignCountsFractionsOfASecondLikeDjango() {
        String signed = signer.sign("value");
        TimestampSigner later = signerAt(SIGNED_AT.plusMillis(10_500));

        assertThatThrownBy(() -> later.unsign(signed, Duration.ofSeconds(10)))
                .isExactlyInstanceOf(SignatureExpiredException.class)
                .hasMessage("Signature age 10.5 > 10 seconds");
    }

    @Test
    void unsignExactlyAtMaxAgeIsAccepted() throws Exception {
        String signed = signer.sign("value");

        assertThat(signerAt(SIGNED_AT.plusSeconds(10)).unsign(signed, Duration.ofSeconds(10)).value())
                .isEqualTo("value");
    }

    @Test
    void unsignAcceptsTimestampInTheFuture() throws Exception {
        String signed = signer.sign("value");

        assertThat(signerAt(SIGNED_AT.minusSeconds(3600)).unsign(signed, Duration.ofSeconds(1)).timestamp())
                .isEqualTo(SIGNED_AT);
    }

    @Test
    void unsignWithoutMaxAgeAcceptsAnyAge() throws Exception {
        String signed = signer.sign("value");

        assertThat(signerAt(SIGNED_AT.plus(Duration.ofDays(3650))).unsign(signed, null).value())
                .isEqualTo("value");
    }

    @Test
    void unsignBadBase62TimestampThrowsBadSignature() {
        String signed = new Signer(KEY, "salt").sign("value:1r3!eq");

        assertThatThrownBy(() -> signer.unsign(signed, null))
                .isExactlyInstanceOf(BadSignatureException.class)
                .hasMessageContaining("timestamp");
    }

    @Test
    void unsignOverflowingTimestampThrowsBadSignature() {
        String signed = new Signer(KEY, "salt").sign("value:" + "z".repeat(30));

        assertThatThrownBy(() -> signer.unsign(signed, null))
                .isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void unsignValueSignedWithoutTimestampThrowsBadSignature() {
        String signed = new Signer(KEY, "salt").sign("value");

        assertThatThrownBy(() -> signer.unsign(signed, null))
                .isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void unsignTamperedTimestampThrowsBadSignature() {
        String signed = signer.sign("value").replace(":1r31eq:", ":1r31eZ:");

        assertThatThrownBy(() -> signer.unsign(signed, null))
                .isExactlyInstanceOf(BadSignatureException.class)
                .hasMessageEndingWith("does not match");
    }

    private static TimestampSigner signerAt(Instant now) {
        return new TimestampSigner(KEY, "salt", Clock.fixed(now, ZoneOffset.UTC));
    }
}
