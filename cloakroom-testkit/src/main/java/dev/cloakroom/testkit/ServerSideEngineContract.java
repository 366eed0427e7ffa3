package dev.cloakroom.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import dev.cloakroom.signing.TimestampSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an engine that stores sessions on the server ({@link ServerSideEngine}) must do beyond
 * {@link SessionEngineContract}: records that exist, are retired by {@code cycleKey} and logout, are never
 * resurrected, and concurrent requests that lose no update (compare-and-set with replay). Each test has a
 * counterpart in {@link ClientSideEngineContract} that pins down what a cookie does instead.
 */
public abstract class ServerSideEngineContract extends SessionEngineContract<ServerSideEngine> {

    /** For subclasses, one per engine. */
    protected ServerSideEngineContract() {
    }

    @AfterEach
    void deleteCreatedSessions() {
        createdKeys.forEach(engine::delete);
    }

    @Override
    protected String stored(Map<String, Object> data) {
        String key = "stored" + createdKeys.size() + "x" + Long.toString(System.nanoTime(), 36);
        assertThat(engine.create(
                new StoredSession(key, djangoEncode(data), clock.instant().plusSeconds(60), null))).isTrue();
        createdKeys.add(key);
        return key;
    }

    /** test_save: a saved session exists on the server. */
    @Test
    void saveMakesTheSessionExist() {
        String key = saved(withValue("x", 1));
        assertThat(newSession().exists(key)).isTrue();
    }

    /** test_flush. */
    @Test
    void flushDeletesDataAndDropsTheKey() {
        String key = saved(withValue("foo", "bar"));
        Session session = open(key);
        session.flush();
        assertThat(session.exists(key)).isFalse();
        assertThat(session.key()).isNull();
        assertThat(session.isEmpty()).isTrue();
        assertThat(session.isModified()).isTrue();
        assertThat(session.isAccessed()).isTrue();
        assertThat(open(key).get("foo")).isNull();
    }

    /** test_cycle: same data, new key, old record gone. */
    @Test
    void cycleKeyKeepsDataAndRetiresOldKey() {
        Session session = newSession();
        session.put("a", "c");
        session.put("b", "d");
        String oldKey = saved(session);
        clock.advance(Duration.ofSeconds(1));
        session.cycleKey();
        String newKey = session.key();
        createdKeys.add(newKey);
        assertThat(newKey).isNotNull().isNotEqualTo(oldKey);
        assertThat(session.entries()).containsExactly(Map.entry("a", "c"), Map.entry("b", "d"));
        assertThat(open(newKey).get("a")).isEqualTo("c");
        assertThat(session.exists(oldKey)).isFalse();
        assertThat(open(oldKey).get("a")).isNull();
    }

    /**
     * Cloakroom: a listed session is revoked by its stored key ({@code storedKey}, the key itself unless
     * the engine hashes keys at rest), and an engine that stores another form never takes that form for a
     * session key.
     */
    @Test
    void deleteStoredRevokesBySessionsStoredKey() {
        Session session = newSession();
        session.put("x", 1);
        String key = saved(session);
        String stored = engine.storedKey(key);
        assertThat(engine.storedKey(key)).as("a function of the key").isEqualTo(stored);
        if (!stored.equals(key)) {
            assertThat(engine.exists(stored)).isFalse();
            assertThat(open(stored).get("x")).isNull();
        }

        assertThat(engine.deleteStored(stored)).isTrue();

        assertThat(engine.exists(key)).isFalse();
        assertThat(open(key).get("x")).isNull();
        assertThat(engine.deleteStored(stored)).isFalse();
    }

    /** Cloakroom: keys outside {@code a-z0-9} or over 40 characters never reach a server-side engine. */
    @Test
    void keysOutsideTheAlphabetAreDroppedByServerSideEngines() {
        CountingEngine counting = CountingEngine.wrap(engine);
        List<String> badKeys = List.of("../../etc/passwd", "ABCDEFGHIJKL", "abc def ghi", "a".repeat(41),
                "abcd/efgh");
        for (String bad : badKeys) {
            Session session = Session.open(counting, settings, bad);
            assertThat(session.key()).as(bad).isNull();
            assertThat(session.get("x")).as(bad).isNull();
        }
        assertThat(counting.reads.get()).isZero();
    }

    /** test_decode_failure_logged_to_security: unreadable stored data is an empty session and one WARN. */
    @Test
    void corruptStoredDataGivesEmptySessionAndSecurityWarning() {
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            for (String corrupt : List.of("Zmxhc2tkajphbGtkamY", "bad:encoded:value")) {
                String key = "corrupt" + createdKeys.size() + "abcdefgh";
                engine.create(new StoredSession(key, corrupt, clock.instant().plusSeconds(60), null));
                createdKeys.add(key);
                Session session = open(key);
                assertThat(session.entries()).isEmpty();
                assertThat(session.key()).isEqualTo(key);
            }
            assertThat(log.lines()).hasSize(2).allMatch(l -> l.startsWith("WARN "));
        }
    }

    /**
     * test_decode_serializer_exception: a correctly signed payload that is not JSON gives an empty session.
     */
    @Test
    void signedButUnreadablePayloadGivesEmptySession() {
        String salt = Salts.SESSION;
        String token = new TimestampSigner(SecretKey.of(SECRET), salt, clock).sign("bm90IGpzb24");
        String key = "unreadable0payload";
        engine.create(new StoredSession(key, token, clock.instant().plusSeconds(60), null));
        createdKeys.add(key);
        assertThat(open(key).entries()).isEmpty();
    }

    /** test_session_load_does_not_create_record: an unknown key is dropped, never stored. */
    @Test
    void loadingUnknownKeyCreatesNothing() {
        Session session = open("someunknownkey");
        session.get("anything");
        assertThat(session.key()).isNull();
        assertThat(session.exists("someunknownkey")).isFalse();
        session.put("x", 1);
        String key = saved(session);
        assertThat(key).isNotEqualTo("someunknownkey");
        assertThat(session.exists("someunknownkey")).isFalse();
    }

    /** test_session_save_does_not_resurrect_session_logged_out_in_other_context. */
    @Test
    void saveDoesNotResurrectSessionDeletedElsewhere() {
        Session first = newSession();
        first.put("a", 1);
        String key = saved(first);
        open(key).delete();
        first.put("b", 2);
        assertThatThrownBy(first::save).isInstanceOf(SessionInterruptedException.class)
                .hasMessage(SessionInterruptedException.MESSAGE);
        assertThat(first.exists(key)).isFalse();
        assertThat(open(key).get("a")).isNull();
    }

    /** SPI: create is insert-only (Django's must_create); a taken key is refused and its record kept. */
    @Test
    void createRefusesATakenKeyAndKeepsTheRecord() {
        String key = saved(withValue("owner", "first"));
        StoredSession intruder = new StoredSession(key, djangoEncode(Map.of("owner", "second")),
                clock.instant().plusSeconds(60), null);
        assertThat(engine.create(intruder)).isFalse();
        assertThat(open(key).get("owner")).isEqualTo("first");
    }

    /**
     * Django's middleware quirk: clear() on an unknown key never loads, so the save finds nothing to update.
     */
    @Test
    void clearThenWriteOnVanishedKeyIsInterrupted() {
        String key = saved(withValue("a", 1));
        engine.delete(key);
        Session session = open(key);
        session.clear();
        session.put("b", 2);
        assertThatThrownBy(session::save).isInstanceOf(SessionInterruptedException.class);
        assertThat(session.exists(key)).isFalse();
    }

    /** Opening a session and asking about it touches no storage; a read loads once; a write saves once. */
    @Test
    void storageIsTouchedOnlyWhenDataIs() {
        String key = saved(withValue("count", 1));
        CountingEngine counting = CountingEngine.wrap(engine);
        Session untouched = Session.open(counting, settings, key);
        untouched.isEmpty();
        untouched.isModified();
        assertThat(counting.reads.get() + counting.writes.get()).isZero();

        Session reading = Session.open(counting, settings, key);
        reading.get("count");
        reading.get("other");
        reading.keys();
        assertThat(counting.reads.get()).isEqualTo(1);

        counting.reads.set(0);
        Session writing = Session.open(counting, settings, key);
        writing.compute("count", Integer.class, n -> n + 1);
        writing.save();
        createdKeys.add(writing.key());
        assertThat(counting.reads.get()).isEqualTo(1);
        assertThat(counting.writes.get()).isEqualTo(1);
    }

    /** Two requests that change different values of one session both keep their change. */
    @Test
    void concurrentWritesToDifferentValuesBothSurvive() {
        String key = saved(withValue("start", 0));
        Session first = open(key);
        Session second = open(key);
        first.put("a", 1);
        second.put("b", 2);
        second.remove("start");
        first.save();
        second.save();
        Session reloaded = open(key);
        assertThat(reloaded.get("a")).isEqualTo(1);
        assertThat(reloaded.get("b")).isEqualTo(2);
        assertThat(reloaded.contains("start")).isFalse();
    }

    /** compute re-runs on the fresh value, so two interleaved increments give 2. */
    @Test
    void interleavedComputeLosesNoIncrement() {
        String key = saved(withValue("count", 0));
        Session first = open(key);
        Session second = open(key);
        first.compute("count", Integer.class, n -> n + 1);
        second.compute("count", Integer.class, n -> n + 1);
        first.save();
        second.save();
        assertThat(open(second.key()).get("count")).isEqualTo(2);
    }

    /** Many threads incrementing one session through separate Session objects lose nothing. */
    @Test
    void concurrentComputeFromManyThreadsLosesNoIncrement() throws Exception {
        String key = saved(withValue("count", 0));
        int threads = concurrencyThreads();
        int increments = incrementsPerThread();
        SessionSettings patient = settings.toBuilder().maxSaveAttempts(1000).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        Session session = Session.open(engine, patient, key);
                        session.compute("count", Integer.class, n -> n + 1);
                        session.save();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(open(key).get("count")).isEqualTo(threads * increments);
    }

    /** clearsessions: expired sessions go, live ones stay. */
    @Test
    void clearExpiredRemovesOnlyExpiredSessions() {
        Session live = withValue("live", true);
        live.setExpiry(3600);
        String liveKey = saved(live);
        Session old = withValue("old", true);
        old.setExpiry(-3600);
        String oldKey = saved(old);
        int removed = engine.clearExpired();
        assertThat(removed).isBetween(0, 1);
        assertThat(newSession().exists(liveKey)).isTrue();
        assertThat(newSession().exists(oldKey)).isFalse();
        assertThat(open(liveKey).get("live")).isEqualTo(true);
    }
}
