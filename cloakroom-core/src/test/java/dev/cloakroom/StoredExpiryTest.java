package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@code _session_expiry}, value by value, as Django's {@code SessionBase} reads them. */
class StoredExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration AGE = Duration.ofDays(14);

    private static StoredExpiry read(Object value) {
        return StoredExpiry.read(value, NOW);
    }

    @Test
    void absentIsTheDefaultAndTheSettingDecidesBrowserClose() {
        StoredExpiry absent = read(null);
        assertThat(absent.age(NOW, AGE)).isEqualTo(AGE.toSeconds());
        assertThat(absent.expireAtBrowserClose(true)).isTrue();
        assertThat(absent.expireAtBrowserClose(false)).isFalse();
        assertThat(absent.isCustom()).isFalse();
        assertThat(absent.problem()).isNull();
    }

    @Test
    void wholeNumbersAreSecondsAndZeroIsTheDefaultAgeUntilTheBrowserCloses() {
        assertThat(read(300).age(NOW, AGE)).isEqualTo(300);
        assertThat(read(300).date(NOW, AGE)).isEqualTo(NOW.plusSeconds(300));
        assertThat(read(-10L).age(NOW, AGE)).isEqualTo(-10);
        assertThat(read(BigInteger.valueOf(60)).age(NOW, AGE)).isEqualTo(60);
        assertThat(read(300).expireAtBrowserClose(true)).isFalse();
        assertThat(read(0).age(NOW, AGE)).isEqualTo(AGE.toSeconds());
        assertThat(read(0).expireAtBrowserClose(false)).isTrue();
        assertThat(read(0).isCustom()).isFalse();
    }

    @Test
    void booleansAreIntsAsInPython() {
        assertThat(read(true).age(NOW, AGE)).isEqualTo(1);
        assertThat(read(true).expireAtBrowserClose(true)).isFalse();
        assertThat(read(false).age(NOW, AGE)).isEqualTo(AGE.toSeconds());
        assertThat(read(false).expireAtBrowserClose(false)).isTrue();
    }

    @Test
    void finiteFloatsAreTruncatedSeconds() {
        assertThat(read(90.9).age(NOW, AGE)).isEqualTo(90);
        assertThat(read(0.5).age(NOW, AGE)).isZero();
        assertThat(read(0.5).expireAtBrowserClose(true)).isFalse();
        assertThat(read(0.0).age(NOW, AGE)).isEqualTo(AGE.toSeconds());
        assertThat(read(0.0).expireAtBrowserClose(false)).isTrue();
    }

    @Test
    void theEmptyStringIsFalsyButNotZero() {
        assertThat(read("").age(NOW, AGE)).isEqualTo(AGE.toSeconds());
        assertThat(read("").expireAtBrowserClose(true)).isFalse();
        assertThat(read("").problem()).isNull();
    }

    @Test
    void isoDatesAreAbsoluteAndFloored() {
        StoredExpiry at = read("2026-11-22T10:05:00.900000+00:00");
        assertThat(at.date(NOW, AGE)).isEqualTo(Instant.parse("2026-11-22T10:05:00.900Z"));
        assertThat(at.age(NOW, AGE)).isEqualTo(300);
        assertThat(at.age(NOW.plusMillis(901), AGE)).isEqualTo(299);
        assertThat(at.isCustom()).isTrue();
        assertThat(read("2026-11-22 10:05:00").date(NOW, AGE))
                .isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
    }

    @Test
    void whatDjangoWouldFailOnIsUnusableAndReadsAsAbsent() {
        for (Object value : List.of(1e308, Double.NaN, Double.NEGATIVE_INFINITY, BigInteger.TWO.pow(63),
                Long.MIN_VALUE, Long.MAX_VALUE, 400_000_000_000L, List.of(), Map.of(), List.of(1), "soon",
                "+10000-01-01T00:00:00+00:00", "+999999999-12-31T23:59:59+00:00")) {
            StoredExpiry unusable = read(value);
            assertThat(unusable.problem()).as("%s", value).contains("_session_expiry");
            assertThat(unusable.age(NOW, AGE)).as("%s", value).isEqualTo(AGE.toSeconds());
            assertThat(unusable.date(NOW, AGE)).as("%s", value).isEqualTo(NOW.plus(AGE));
            assertThat(unusable.expireAtBrowserClose(true)).as("%s", value).isTrue();
            assertThat(unusable.isCustom()).as("%s", value).isFalse();
        }
    }

    @Test
    void secondsMustLandInsidePythonsYearsOneToNineThousandNineHundredNinetyNine() {
        long toTheEnd = Duration.between(NOW, Instant.parse("9999-12-31T23:59:59Z")).getSeconds();
        assertThat(read(toTheEnd).problem()).isNull();
        assertThat(read(toTheEnd + 1).problem()).isNotNull();
    }
}
