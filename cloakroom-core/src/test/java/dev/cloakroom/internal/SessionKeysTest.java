package dev.cloakroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionKeysTest {

    @Test
    void keysAreThirtyTwoCharactersOfTheAlphabetAndValid() {
        for (int i = 0; i < 1_000; i++) {
            String key = SessionKeys.generate();
            assertThat(key).hasSize(SessionKeys.LENGTH).matches("[a-z0-9]{32}");
            assertThat(SessionKeys.isValid(key)).isTrue();
        }
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(SessionKeys.generate())).isTrue();
        }
    }

    /**
     * Every character equally likely: a chi-square test over 640,000 characters. Mapping every byte with
     * {@code % 36} (no rejection) would favour the first four characters by 1/7 and score in the thousands;
     * the bound is the 35-degree-of-freedom quantile for p = 10^-6, so a fair generator fails once in a
     * million runs.
     */
    @Test
    void everyCharacterIsEquallyLikely() {
        int[] counts = new int[SessionKeys.ALPHABET.length()];
        int keys = 20_000;
        for (int i = 0; i < keys; i++) {
            for (char c : SessionKeys.generate().toCharArray()) {
                counts[SessionKeys.ALPHABET.indexOf(c)]++;
            }
        }
        double expected = (double) keys * SessionKeys.LENGTH / counts.length;
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertThat(chiSquare).isLessThan(89.9);
    }

    @Test
    void clientKeysOutsideTheRulesAreInvalid() {
        assertThat(SessionKeys.isValid(null)).isFalse();
        assertThat(SessionKeys.isValid("short")).isFalse();
        assertThat(SessionKeys.isValid("a".repeat(41))).isFalse();
        assertThat(SessionKeys.isValid("ABCDEFGHIJ")).isFalse();
        assertThat(SessionKeys.isValid("../../etc/passwd")).isFalse();
        assertThat(SessionKeys.isValid("abcdefgh")).isTrue();
    }
}
