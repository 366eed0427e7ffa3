package dev.cloakroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SessionListener.Rejection;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.testkit.FailingEngine;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What {@link SessionListener}s hear, and that a failing listener never fails the request. */
class SessionListenerTest {

    /** Writes down every event as one line. */
    static final class Recorder implements SessionListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void created(String key) {
            events.add("created " + key);
        }

        @Override
        public void keyCycled(String oldKey, String newKey) {
            events.add("keyCycled " + oldKey + " " + newKey);
        }

        @Override
        public void flushed(String key) {
            events.add("flushed " + key);
        }

        @Override
        public void revoked(String userId, int count) {
            events.add("revoked " + userId + " " + count);
        }

        @Override
        public void expired(String key) {
            events.add("expired " + key);
        }

        @Override
        public void rejected(Rejection reason) {
            events.add("rejected " + reason);
        }

        @Override
        public void saveConflicted(String key, int attempt) {
            events.add("saveConflicted " + key + " " + attempt);
        }

        @Override
        public void saveInterrupted(String key) {
            events.add("saveInterrupted " + key);
        }

        @Override
        public void cacheFailed(String operation) {
            events.add("cacheFailed " + operation);
        }
    }

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final Recorder recorder = new Recorder();
    private final SessionSettings settings = SessionSettings.builder().secretKey("listener-test-secret")
            .clock(clock).listener(recorder).build();
    private final MemoryEngine memory = MemoryEngine.create(clock);

    private String stored(SessionEngine engine, SessionSettings with) {
        Session session = Session.open(engine, with, null);
        session.put("n", 1);
        session.save();
        return session.key();
    }

    @Test
    void createdAfterTheFirstSave() {
        Session session = Session.open(memory, settings, null);
        session.put("n", 1);
        assertThat(recorder.events).isEmpty();
        session.save();
        assertThat(recorder.events).containsExactly("created " + session.key());
        session.put("n", 2);
        session.save();
        assertThat(recorder.events).hasSize(1);
    }

    @Test
    void keyCycledAfterTheOldRecordIsGone() {
        String oldKey = stored(memory, settings);
        recorder.events.clear();
        Session session = Session.open(memory, settings, oldKey);
        session.cycleKey();
        assertThat(recorder.events).containsExactly("keyCycled " + oldKey + " " + session.key());
        assertThat(memory.exists(oldKey)).isFalse();
    }

    @Test
    void keyCycledAtSaveIsReportedByTheSaveThatStoresTheNewRecord() {
        String oldKey = stored(memory, settings);
        recorder.events.clear();
        Session session = Session.open(memory, settings, oldKey);
        session.cycleKeyAtSave();
        assertThat(recorder.events).isEmpty();
        session.save();
        assertThat(recorder.events).containsExactly("keyCycled " + oldKey + " " + session.key());
    }

    @Test
    void cycleKeyAfterCycleKeyAtSaveKeepsTheNewRecordAndReportsOneChange() {
        String oldKey = stored(memory, settings);
        recorder.events.clear();
        Session session = Session.open(memory, settings, oldKey);
        session.cycleKeyAtSave();
        session.cycleKey();
        assertThat(memory.exists(session.key())).isTrue();
        assertThat(memory.exists(oldKey)).isFalse();
        assertThat(Session.open(memory, settings, session.key()).get("n")).isEqualTo(1);
        assertThat(recorder.events).containsExactly("keyCycled " + oldKey + " " + session.key());
    }

    @Test
    void flushedNamesTheKeyItRemoved() {
        String key = stored(memory, settings);
        recorder.events.clear();
        Session session = Session.open(memory, settings, key);
        session.flush();
        assertThat(recorder.events).containsExactly("flushed " + key);
        Session.open(memory, settings, null).flush();
        assertThat(recorder.events).hasSize(1);
    }

    @Test
    void expiredWhenTheEngineHasNoLiveRecord() {
        String key = stored(memory, settings);
        recorder.events.clear();
        clock.advance(Duration.ofDays(15));
        assertThat(Session.open(memory, settings, key).keys()).isEmpty();
        assertThat(recorder.events).containsExactly("expired " + key);
    }

    @Test
    void expiredWhenTheSessionOutlivedItsAbsoluteLifetime() {
        SessionSettings absolute = settings.toBuilder().idleTimeout(Duration.ofHours(1))
                .absoluteTimeout(Duration.ofHours(2)).build();
        String key = stored(memory, absolute);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(50));
            Session touched = Session.open(memory, absolute, key);
            touched.put("n", i);
            touched.save();
        }
        recorder.events.clear();
        assertThat(Session.open(memory, absolute, key).keys()).isEmpty();
        assertThat(recorder.events).containsExactly("expired " + key);
    }

    @Test
    void rejectedCorruptData() {
        memory.create(new StoredSession("k".repeat(32), "not-signed-data", clock.instant().plusSeconds(60),
                null));
        assertThat(Session.open(memory, settings, "k".repeat(32)).keys()).isEmpty();
        assertThat(recorder.events).containsExactly("rejected CORRUPT_DATA");
    }

    @Test
    void cookieEnginesReportCreatedRejectedAndExpired() {
        SignedCookieEngine cookies = SignedCookieEngine.create(settings);
        String cookie = stored(cookies, settings);
        assertThat(recorder.events).containsExactly("created " + cookie);
        recorder.events.clear();

        Session tampered = Session.open(cookies, settings, cookie + "x");
        assertThat(tampered.keys()).isEmpty();
        assertThat(recorder.events).containsExactly("rejected INVALID_COOKIE");
        tampered.save();
        assertThat(recorder.events).containsExactly("rejected INVALID_COOKIE", "created " + tampered.key());

        recorder.events.clear();
        Session.open(cookies, settings, "a".repeat(9000));
        assertThat(recorder.events).containsExactly("rejected OVERSIZED_COOKIE");

        recorder.events.clear();
        Session shortLived = Session.open(cookies, settings, null);
        shortLived.setExpiry(60);
        shortLived.save();
        String shortCookie = shortLived.key();
        recorder.events.clear();
        clock.advance(Duration.ofMinutes(2));
        assertThat(Session.open(cookies, settings, shortCookie).keys()).isEmpty();
        assertThat(recorder.events).containsExactly("expired " + shortCookie);
    }

    @Test
    void saveConflictedAndSaveInterrupted() {
        String key = stored(memory, settings);
        recorder.events.clear();
        Session session = Session.open(memory, settings, key);
        session.compute("n", Integer.class, n -> n + 1);
        Session other = Session.open(memory, settings, key);
        other.put("n", 10);
        other.save();
        session.save();
        assertThat(recorder.events).containsExactly("saveConflicted " + key + " 1");
        assertThat(Session.open(memory, settings, key).get("n")).isEqualTo(11);

        recorder.events.clear();
        Session late = Session.open(memory, settings, key);
        late.put("n", 0);
        memory.delete(key);
        assertThatThrownBy(late::save).isInstanceOf(SessionInterruptedException.class);
        assertThat(recorder.events).containsExactly("saveInterrupted " + key);
    }

    @Test
    void revokedThroughTheSettingsListeners() {
        for (int i = 0; i < 2; i++) {
            Session login = Session.open(memory, settings, null);
            login.put(settings.userIdKey(), "7");
            login.setVerifiedUser("7");
            login.save();
        }
        recorder.events.clear();
        assertThat(UserSessions.revokeAll(memory, settings, "7", null)).isEqualTo(2);
        assertThat(recorder.events).containsExactly("revoked 7 2");
    }

    @Test
    void cachedDbReportsEachCacheFailure() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.builder(cache, memory).clock(clock)
                .retryCacheAfter(Duration.ZERO).listener(recorder).build();
        cache.failWith(() -> new SessionStorageException("cache down"));
        String key = stored(cachedDb, SessionSettings.builder().secretKey("listener-test-secret").build());
        assertThat(cachedDb.load(key)).isPresent();
        assertThat(recorder.events).containsExactly("cacheFailed creating a session",
                "cacheFailed loading a session");
    }

    @Test
    void aThrowingListenerIsLoggedOnceAndTheRequestGoesOn() {
        SessionListener throwing = new SessionListener() {
            @Override
            public void created(String key) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public String toString() {
                return "ThrowingListener";
            }
        };
        SessionSettings both = settings.toBuilder().listeners(List.of(throwing, recorder)).build();
        try (LogCapture log = LogCapture.of(SessionListener.class.getName())) {
            Session session = Session.open(memory, both, null);
            session.put("n", 1);
            session.save();
            assertThat(memory.exists(session.key())).isTrue();
            assertThat(recorder.events).containsExactly("created " + session.key());
            assertThat(log.lines()).containsExactly(
                    "WARN The session listener ThrowingListener failed on 'created'; the request goes on");
        }
    }

    @Test
    void listenersAreSettings() {
        assertThat(settings.listeners()).containsExactly(recorder);
        assertThat(settings.toBuilder().build().listeners()).containsExactly(recorder);
        assertThat(SessionSettings.builder().secretKey("s").build().listeners()).isEmpty();
        assertThat(settings.toString()).contains("listeners=1");
    }
}
