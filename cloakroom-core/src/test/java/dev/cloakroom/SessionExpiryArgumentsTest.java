package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.engine.MemoryEngine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code get_expiry_age(modification=..., expiry=...)} and {@code get_expiry_date(...)} with both
 * arguments, which the backends use to compute a stored session's expiry without loading it.
 */
class SessionExpiryArgumentsTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-22T10:00:00Z");

    private final SessionSettings settings = SessionSettings.builder().secretKey("expiry-test-secret")
            .cookieAge(Duration.ofHours(2)).build();
    private final CountingEngine engine = CountingEngine.wrap(MemoryEngine.create());
    private final Session session = Session.open(engine, settings, "abcdefgh12345678abcdefgh12345678");

    @Test
    void secondsCountFromTheModificationGiven() {
        assertThat(session.getExpiryAge(MODIFIED, 300)).isEqualTo(300);
        assertThat(session.getExpiryDate(MODIFIED, 300)).isEqualTo(MODIFIED.plusSeconds(300));
    }

    @Test
    void anAbsoluteExpiryIsMeasuredFromTheModificationAndFloored() {
        Instant iso = Instant.parse("2026-11-22T10:05:00.900Z");
        assertThat(session.getExpiryAge(MODIFIED, iso)).isEqualTo(300);
        assertThat(session.getExpiryAge(MODIFIED.plusMillis(901), iso)).isEqualTo(299);
        assertThat(session.getExpiryDate(MODIFIED, iso)).isEqualTo(Instant.parse("2026-11-22T10:05:00.900Z"));
    }

    @Test
    void noExpiryOrZeroMeansTheCookieAge() {
        assertThat(session.getExpiryAge(MODIFIED, null)).isEqualTo(7200);
        assertThat(session.getExpiryAge(MODIFIED, 0)).isEqualTo(7200);
        assertThat(session.getExpiryDate(MODIFIED, null)).isEqualTo(MODIFIED.plusSeconds(7200));
        assertThat(session.getExpiryDate(MODIFIED, 0)).isEqualTo(MODIFIED.plusSeconds(7200));
    }

    @Test
    void aNullDateIsDjangosExpiryNoneTheCookieAge() {
        assertThat(session.getExpiryAge(MODIFIED, (Instant) null)).isEqualTo(7200);
        assertThat(session.getExpiryDate(MODIFIED, (Instant) null)).isEqualTo(MODIFIED.plusSeconds(7200));
    }

    @Test
    void neitherLoadsTheSession() {
        session.getExpiryAge(MODIFIED, 300);
        session.getExpiryDate(MODIFIED, Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(engine.reads).hasValue(0);
        assertThat(session.isAccessed()).isFalse();
    }
}
