package dev.cloakroom.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The idle timeout, absolute lifetime and throttled touches of {@link SessionSettings}, checked on one engine
 * with the contract's clock; {@link SessionEngineContract} runs them on every engine. A request here does
 * what the middleware does: it reads the session and saves it if it changed or a touch is due.
 */
final class ExpiryPolicyChecks {

    private final SessionEngine engine;
    private final SessionSettingsBuilder settings;
    private final MutableClock clock;
    private final List<String> createdKeys;

    ExpiryPolicyChecks(SessionEngine engine, SessionSettingsBuilder settings, MutableClock clock,
            List<String> createdKeys) {
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
        this.createdKeys = createdKeys;
    }

    /** One request that reads {@code cart}; returns the session after the response phase. */
    private static Session read(SessionEngine engine, SessionSettings settings, String key) {
        Session session = Session.open(engine, settings, key);
        session.get("cart");
        if (session.isModified() || session.isTouchDue()) {
            session.save();
        }
        return session;
    }

    private String created(SessionSettings policy) {
        Session session = Session.open(engine, policy, null);
        session.put("cart", "apple");
        session.save();
        String key = Objects.requireNonNull(session.key());
        createdKeys.add(key);
        return key;
    }

    /** Reads keep a session alive; a session idle for longer than the timeout is gone. */
    void idleSessionExpires() {
        SessionSettings policy = settings.idleTimeout(Duration.ofMinutes(30)).build();
        String key = created(policy);
        clock.advance(Duration.ofMinutes(29));
        Session first = read(engine, policy, key);
        assertThat(first.get("cart")).isEqualTo("apple");
        key = Objects.requireNonNull(first.key());
        createdKeys.add(key);
        clock.advance(Duration.ofMinutes(29));
        Session second = read(engine, policy, key);
        assertThat(second.get("cart")).as("read 29 minutes after a touch").isEqualTo("apple");
        key = Objects.requireNonNull(second.key());
        createdKeys.add(key);
        clock.advance(Duration.ofMinutes(31));
        assertThat(Session.open(engine, policy, key).get("cart")).as("31 minutes idle").isNull();
    }

    /** The lifetime counts from creation, through {@code cycleKey}, however active the session is. */
    void absoluteLifetimeSurvivesCycleKey() {
        SessionSettings policy = settings.absoluteTimeout(Duration.ofHours(1)).build();
        long createdAt = clock.instant().getEpochSecond();
        String key = created(policy);
        clock.advance(Duration.ofMinutes(40));
        Session login = Session.open(engine, policy, key);
        login.cycleKey();
        String cycled = Objects.requireNonNull(login.key());
        createdKeys.add(cycled);
        assertThat(login.get(Session.CREATED_KEY, Long.class)).isEqualTo(createdAt);
        clock.advance(Duration.ofMinutes(19));
        Session active = Session.open(engine, policy, cycled);
        assertThat(active.get("cart")).isEqualTo("apple");
        active.put("cart", "pear");
        active.save();
        cycled = Objects.requireNonNull(active.key());
        createdKeys.add(cycled);
        clock.advance(Duration.ofMinutes(1));
        Session late = Session.open(engine, policy, cycled);
        assertThat(late.get("cart")).as("an hour after creation").isNull();
    }

    /**
     * Read-only requests save at most once per touch interval and otherwise cost one storage read; a
     * server-side engine's calls are counted.
     */
    void readsTouchAtMostOncePerInterval() {
        SessionSettings policy = settings.idleTimeout(Duration.ofMinutes(30))
                .touchAfter(Duration.ofMinutes(5)).build();
        CountedEngine counted = CountedEngine.of(engine);
        String key = created(policy);
        counted.reads().set(0);
        counted.writes().set(0);
        int touches = 0;
        for (int minute = 1; minute <= 12; minute++) {
            clock.advance(Duration.ofMinutes(1));
            Session session = read(counted.engine(), policy, key);
            assertThat(session.get("cart")).isEqualTo("apple");
            if (session.isSaved()) {
                touches++;
                key = Objects.requireNonNull(session.key());
                createdKeys.add(key);
            }
        }
        assertThat(touches).as("touches at minutes 5 and 10").isEqualTo(2);
        if (Session.open(engine, policy, null).isStoredOnServer()) {
            assertThat(counted.reads()).hasValue(12);
            assertThat(counted.writes()).hasValue(2);
        }
    }
}
