package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The idle timeout and absolute lifetime settings, and the creation time a session keeps for them. */
class ExpiryPolicyTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private final MemoryEngine engine = MemoryEngine.create(clock);

    private SessionSettingsBuilder builder() {
        return SessionSettings.builder().secretKey("expiry-policy-secret").clock(clock);
    }

    @Test
    void byDefaultNothingIsAddedAndDjangosExpiryApplies() {
        SessionSettings settings = builder().build();
        assertThat(settings.idleTimeout()).isNull();
        assertThat(settings.absoluteTimeout()).isNull();
        Session session = Session.open(engine, settings, null);
        session.put("a", 1);
        session.save();
        assertThat(session.keys()).containsExactly("a");
        assertThat(engine.load(session.key()).orElseThrow().expiresAt())
                .isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(session.isTouchDue()).isFalse();
    }

    @Test
    void badSettingsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> builder().idleTimeout(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> builder().absoluteTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absoluteTimeout");
        assertThatThrownBy(() -> builder().touchAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("touchAfter");
        assertThatThrownBy(() -> builder().idleTimeout(Duration.ofMinutes(1))
                .touchAfter(Duration.ofMinutes(1)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("touchAfter (60s) must be shorter than idleTimeout (60s)");
    }

    @Test
    void anExplicitShorterExpiryStillWins() {
        SessionSettings settings = builder().idleTimeout(Duration.ofHours(1)).build();
        Session session = Session.open(engine, settings, null);
        session.setExpiry(300);
        session.save();
        assertThat(engine.load(session.key()).orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(session.getExpiryAge()).isEqualTo(300);
    }

    @Test
    void theCreationTimeSurvivesCycleKeyAndFlushStartsAnew() {
        SessionSettings settings = builder().absoluteTimeout(Duration.ofHours(1)).build();
        Session session = Session.open(engine, settings, null);
        session.put("a", 1);
        session.save();
        clock.advance(Duration.ofMinutes(10));
        session.cycleKey();
        Object created = SessionCodec.of(settings).decode(engine.load(session.key()).orElseThrow().data())
                .get(Session.CREATED_KEY);
        assertThat(((Number) created).longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(engine.load(session.key()).orElseThrow().expiresAt())
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
        session.flush();
        session.put("b", 2);
        session.save();
        assertThat(session.get(Session.CREATED_KEY, Long.class)).isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void aSessionPastItsLifetimeLoadsEmptyEvenIfTheEngineStillHasIt() {
        SessionSettings settings = builder().absoluteTimeout(Duration.ofHours(1)).build();
        Session session = Session.open(engine, settings, null);
        session.put("a", 1);
        session.save();
        String key = session.key();
        // A Django process that ignores the entry stores the same data with a later expiry.
        SessionSettings plain = builder().build();
        Session django = Session.open(engine, plain, key);
        django.put("b", 2);
        django.save();
        clock.advance(Duration.ofHours(2));
        assertThat(engine.load(key)).isPresent();
        Session late = Session.open(engine, settings, key);
        assertThat(late.get("a")).isNull();
        assertThat(late.key()).isNull();
    }
}
