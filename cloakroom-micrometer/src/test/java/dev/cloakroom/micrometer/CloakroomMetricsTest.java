package dev.cloakroom.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.testkit.FailingEngine;
import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.testkit.MutableClock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each meter of {@link CloakroomMetrics}, recorded against the memory engine. */
class CloakroomMetricsTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CloakroomMetrics metrics = new CloakroomMetrics();
    private final MemoryEngine memory = MemoryEngine.create(clock);
    private final ServerSideEngine engine = metrics.instrument(memory, "memory");
    private final SessionSettings settings = SessionSettings.builder().secretKey("metrics-test-secret")
            .clock(clock).listener(metrics).build();

    CloakroomMetricsTest() {
        metrics.bindTo(registry);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private String newSession() {
        Session session = Session.open(engine, settings, null);
        session.put("n", 1);
        session.save();
        return session.key();
    }

    @Test
    void loadsCountHitsAndMisses() {
        String key = newSession();
        assertThat(Session.open(engine, settings, key).get("n")).isEqualTo(1);
        Session.open(engine, settings, "x".repeat(32)).keys();
        assertThat(count("cloakroom.session.loads", "engine", "memory", "outcome", "hit")).isEqualTo(1);
        assertThat(count("cloakroom.session.loads", "engine", "memory", "outcome", "miss")).isEqualTo(1);
        assertThat(count("cloakroom.session.events", "event", "expired")).isEqualTo(1);
    }

    @Test
    void createsSavesAndDeletesCountTheirOutcomesAndSizes() {
        String key = newSession();
        Session session = Session.open(engine, settings, key);
        session.put("n", 2);
        session.save();
        session.flush();
        assertThat(count("cloakroom.session.creates", "engine", "memory", "outcome", "success")).isEqualTo(1);
        assertThat(count("cloakroom.session.saves", "engine", "memory", "outcome", "success")).isEqualTo(1);
        assertThat(count("cloakroom.session.deletes", "engine", "memory", "outcome", "success")).isEqualTo(1);
        assertThat(count("cloakroom.session.events", "event", "created")).isEqualTo(1);
        assertThat(count("cloakroom.session.events", "event", "flushed")).isEqualTo(1);
        DistributionSummary size = registry.get("cloakroom.session.size").tags("engine", "memory").summary();
        assertThat(size.count()).isEqualTo(2);
        assertThat(size.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(size.totalAmount()).isGreaterThan(40);
    }

    @Test
    void theSizeIsTheLengthOfTheStoredData() {
        String key = newSession();
        StoredSession stored = memory.load(key).orElseThrow();
        DistributionSummary size = registry.get("cloakroom.session.size").summary();
        assertThat(size.totalAmount()).isEqualTo(stored.data().length());
    }

    @Test
    void everyOperationIsTimed() {
        String key = newSession();
        Session.open(engine, settings, key).get("n");
        engine.exists(key);
        engine.clearExpired();
        for (String operation : new String[] {"create", "load", "exists", "clear_expired"}) {
            Timer timer = registry.get("cloakroom.store.operation")
                    .tags("engine", "memory", "operation", operation).timer();
            assertThat(timer.count()).as(operation).isEqualTo(1);
        }
    }

    @Test
    void aConflictIsCountedAsAConflictAndARetry() {
        String key = newSession();
        Session first = Session.open(engine, settings, key);
        first.compute("n", Integer.class, n -> n + 1);
        Session second = Session.open(engine, settings, key);
        second.put("n", 10);
        second.save();
        first.save();
        assertThat(Session.open(engine, settings, key).get("n")).isEqualTo(11);
        assertThat(count("cloakroom.session.saves", "engine", "memory", "outcome", "conflict")).isEqualTo(1);
        assertThat(count("cloakroom.session.saves", "engine", "memory", "outcome", "success")).isEqualTo(2);
        assertThat(count("cloakroom.session.save.retries")).isEqualTo(1);
    }

    @Test
    void anInterruptedSaveIsCounted() {
        String key = newSession();
        Session late = Session.open(engine, settings, key);
        late.put("n", 2);
        engine.delete(key);
        assertThatThrownBy(late::save).isInstanceOf(SessionInterruptedException.class);
        assertThat(count("cloakroom.session.saves", "engine", "memory", "outcome", "gone")).isEqualTo(1);
        assertThat(count("cloakroom.session.save.interrupted")).isEqualTo(1);
    }

    @Test
    void errorsAreCountedAndTimedAndStillThrown() {
        FailingEngine failing = new FailingEngine(memory);
        ServerSideEngine down = metrics.instrument(failing, "down");
        failing.failWith(() -> new SessionStorageException("storage down"));
        assertThatThrownBy(() -> Session.open(down, settings, "y".repeat(32)).keys())
                .isInstanceOf(SessionStorageException.class);
        Session fresh = Session.open(down, settings, null);
        fresh.put("n", 1);
        assertThatThrownBy(fresh::save).isInstanceOf(SessionStorageException.class);
        assertThatThrownBy(() -> down.delete("y".repeat(32))).isInstanceOf(SessionStorageException.class);
        assertThat(count("cloakroom.session.loads", "engine", "down", "outcome", "error")).isEqualTo(1);
        assertThat(count("cloakroom.session.creates", "engine", "down", "outcome", "error")).isEqualTo(1);
        assertThat(count("cloakroom.session.deletes", "engine", "down", "outcome", "error")).isEqualTo(1);
        assertThat(registry.get("cloakroom.store.operation").tags("engine", "down", "operation", "load")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aTakenKeyIsCounted() {
        String key = newSession();
        StoredSession taken = memory.load(key).orElseThrow();
        assertThat(engine.create(taken)).isFalse();
        assertThat(count("cloakroom.session.creates", "engine", "memory", "outcome", "taken")).isEqualTo(1);
    }

    @Test
    void keyCyclesAndRevocationsAreCounted() {
        Session login = Session.open(engine, settings, newSession());
        login.put(settings.userIdKey(), "42");
        login.setVerifiedUser("42");
        login.cycleKey();
        login.save();
        Session other = Session.open(engine, settings, null);
        other.put(settings.userIdKey(), "42");
        other.setVerifiedUser("42");
        other.save();
        assertThat(UserSessions.revokeAll(engine, settings, "42", null)).isEqualTo(2);
        assertThat(count("cloakroom.session.events", "event", "key_cycled")).isEqualTo(1);
        assertThat(count("cloakroom.session.revoked")).isEqualTo(2);
        assertThat(registry.get("cloakroom.store.operation").tags("operation", "revoke_all").timer().count())
                .isEqualTo(1);
    }

    @Test
    void rejectedInputIsCountedByReason() {
        SignedCookieEngine cookies = SignedCookieEngine.create(settings);
        Session.open(cookies, settings, "forged-cookie-value").keys();
        memory.create(new StoredSession("z".repeat(32), "corrupt", clock.instant().plusSeconds(60), null));
        Session.open(engine, settings, "z".repeat(32)).keys();
        assertThat(count("cloakroom.session.rejected", "reason", "invalid_cookie")).isEqualTo(1);
        assertThat(count("cloakroom.session.rejected", "reason", "corrupt_data")).isEqualTo(1);
        assertThat(count("cloakroom.session.rejected", "reason", "oversized_cookie")).isZero();
    }

    @Test
    void cachedDbFallbacksAreCounted() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.builder(metrics.instrument(cache, "cache"), engine)
                .clock(clock).retryCacheAfter(Duration.ZERO).listener(metrics).build();
        cache.failWith(() -> new SessionStorageException("cache down"));
        Session session = Session.open(cachedDb, settings, null);
        session.put("n", 1);
        session.save();
        assertThat(Session.open(cachedDb, settings, session.key()).get("n")).isEqualTo(1);
        assertThat(count("cloakroom.cache.fallbacks")).isEqualTo(2);
        assertThat(count("cloakroom.session.loads", "engine", "cache", "outcome", "error")).isEqualTo(1);
        assertThat(count("cloakroom.session.loads", "engine", "memory", "outcome", "hit")).isEqualTo(1);
    }

    @Test
    void theDecoratorKeepsTheWrappedEnginesCapabilities() {
        assertThat(engine).isInstanceOf(UserSessionIndex.class).isInstanceOf(SessionListing.class);
        ServerSideEngine plain = metrics.instrument(new ForwardingEngine(memory), "plain");
        assertThat(plain).isNotInstanceOf(UserSessionIndex.class).isNotInstanceOf(SessionListing.class);
        String key = newSession();
        assertThat(((SessionListing) engine).find(key)).isPresent();
        assertThat(((SessionListing) engine).description()).isEqualTo(memory.description());
        assertThat(((SessionListing) engine).live(clock.instant(), 0)).hasSize(1);
        assertThat(((SessionListing) engine).stats(clock.instant()).live()).isEqualTo(1);
    }

    @Test
    void aSecondRegistryGetsTheSameMetersAndEarlierCountsStayInTheFirst() {
        newSession();
        SimpleMeterRegistry later = new SimpleMeterRegistry();
        metrics.bindTo(later);
        metrics.bindTo(later);
        newSession();
        assertThat(count("cloakroom.session.events", "event", "created")).isEqualTo(2);
        assertThat(later.get("cloakroom.session.events").tags("event", "created").counter().count())
                .isEqualTo(1);
    }
}
