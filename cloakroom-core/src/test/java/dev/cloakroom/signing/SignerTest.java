package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignerTest {

    private static final SecretKey KEY = SecretKey.of("current-secret");
    private final Signer signer = new Signer(KEY, "test-salt");

    @Test
    void signAppendsColonAnd43CharacterSignature() {
        String signed = signer.sign("hello");

        assertThat(signed).startsWith("hello:");
        assertThat(signed.substring("hello:".length())).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(signed).isEqualTo("hello:" + signer.signature("hello"));
    }

    @Test
    void unsignReturnsTheSignedValue() throws Exception {
        assertThat(signer.unsign(signer.sign("a:b:c"))).isEqualTo("a:b:c");
        assertThat(signer.unsign(signer.sign(""))).isEmpty();
        assertThat(signer.unsign(signer.sign("Zoë 😀"))).isEqualTo("Zoë 😀");
    }

    @Test
    void unsignWithoutColonFailsLikeDjango() {
        assertThatThrownBy(() -> signer.unsign("no-separator"))
                .isExactlyInstanceOf(BadSignatureException.class)
                .hasMessage("No \":\" found in value");
    }

    @Test
    void unsignTruncatedSignatureFailsNamingTheSignature() {
        String signed = signer.sign("hello");
        String truncated = signed.substring(0, signed.length() - 1);

        assertThatThrownBy(() -> signer.unsign(truncated))
                .isExactlyInstanceOf(BadSignatureException.class)
                .hasMessage("Signature \"" + truncated.substring(6) + "\" does not match");
    }

    @Test
    void unsignChangedValueFails() {
        String signed = signer.sign("hello");

        assertThatThrownBy(() -> signer.unsign("j" + signed.substring(1)))
                .isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void unsignWithOtherSaltFails() {
        String signed = new Signer(KEY, "other-salt").sign("hello");

        assertThatThrownBy(() -> signer.unsign(signed)).isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void unsignShortensAHugeSignatureInTheMessage() {
        String huge = "x".repeat(5000);

        assertThatThrownBy(() -> signer.unsign("value:" + huge))
                .hasMessage("Signature \"" + "x".repeat(64) + "…\" does not match");
    }

    @Test
    void fallbackKeyVerifiesTokenSignedWithOldKey() throws Exception {
        String oldToken = new Signer(SecretKey.of("old-secret"), "test-salt").sign("hello");
        SecretKey rotatedKey = new SecretKey("current-secret", List.of("older", "old-secret"));
        Signer rotated = new Signer(rotatedKey, "test-salt");

        assertThat(rotated.unsign(oldToken)).isEqualTo("hello");
        assertThat(rotated.sign("hello")).isEqualTo(signer.sign("hello"));
        assertThatThrownBy(() -> signer.unsign(oldToken)).isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void toStringShowsSaltButNoSecret() {
        assertThat(signer.toString()).contains("test-salt").doesNotContain("current-secret");
    }

    @Test
    void signaturesMadeConcurrentlyEqualOnesMadeWithAFreshMac() throws Exception {
        // The signer copies one prepared HMAC per key for every call; threads must never share state.
        Signer signer = new Signer(SecretKey.of("concurrent-secret"), "concurrent-salt");
        byte[] key = SaltedHmac.deriveKey(SaltedHmac.Algorithm.SHA256, "concurrent-salt" + "signer",
                "concurrent-secret");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String value = "value-" + thread + "-" + i;
                        String expected = Base64Url.encode(
                                SaltedHmac.hmac(SaltedHmac.Algorithm.SHA256, key, value));
                        if (!signer.signature(value).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
