package dev.cloakroom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CsrfMaskingTest {

    private static final String SECRET = "R6F0Vy38tPDHE6GQqhX5VUCRHFBikluA";

    @Test
    void newSecretIs32LettersAndDigits() {
        String secret = CsrfMasking.newSecret(new SecureRandom());

        assertThat(secret).hasSize(32).matches("[a-zA-Z0-9]{32}");
        assertThat(CsrfMasking.newSecret()).hasSize(32).isNotEqualTo(secret);
    }

    @Test
    void maskWithMaskOfFirstLetterLeavesSecretAsCipher() {
        RandomGenerator zeros = () -> 0L;

        assertThat(CsrfMasking.mask(SECRET, zeros)).isEqualTo("a".repeat(32) + SECRET);
    }

    @Test
    void maskAddsMaskIndexModulo62OverDjangosAlphabet() {
        // Index of 'b' is 1: a→b, z→A, Z→0, 9→a.
        RandomGenerator ones = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public int nextInt(int bound) {
                return 1;
            }
        };

        assertThat(CsrfMasking.mask("azZ9" + "a".repeat(28), ones))
                .isEqualTo("b".repeat(32) + "bA0a" + "b".repeat(28));
    }

    @Test
    void maskThenUnmaskGivesTheSecret() {
        SplittableRandom random = new SplittableRandom(42);

        for (int i = 0; i < 100; i++) {
            String secret = CsrfMasking.newSecret(new SecureRandom());
            String token = CsrfMasking.mask(secret, random);
            assertThat(token).hasSize(64).matches("[a-zA-Z0-9]{64}");
            assertThat(CsrfMasking.unmask(token)).isEqualTo(secret);
            assertThat(CsrfMasking.matches(token, secret)).isTrue();
        }
    }

    @Test
    void matchesAcceptsUnmaskedSecretAndRejectsOthers() {
        String other = CsrfMasking.newSecret();

        assertThat(CsrfMasking.matches(SECRET, SECRET)).isTrue();
        assertThat(CsrfMasking.matches(CsrfMasking.mask(other), SECRET)).isFalse();
        assertThat(CsrfMasking.matches(other, SECRET)).isFalse();
        assertThat(CsrfMasking.matches("", SECRET)).isFalse();
        assertThat(CsrfMasking.matches(SECRET.substring(1), SECRET)).isFalse();
        assertThat(CsrfMasking.matches(SECRET.substring(1) + "!", SECRET)).isFalse();
        assertThat(CsrfMasking.matches(SECRET + "é".repeat(32), SECRET)).isFalse();
        assertThat(CsrfMasking.matches(SECRET, "not a secret")).isFalse();
    }

    @Test
    void maskAndUnmaskRejectMalformedInput() {
        assertThatThrownBy(() -> CsrfMasking.mask("short"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 characters");
        assertThatThrownBy(() -> CsrfMasking.unmask(SECRET))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 characters");
        assertThatThrownBy(() -> CsrfMasking.unmask("-".repeat(64)))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }
}
