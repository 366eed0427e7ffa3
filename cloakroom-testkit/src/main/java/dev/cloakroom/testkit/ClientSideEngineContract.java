package dev.cloakroom.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import dev.cloakroom.signing.TimestampSigner;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an engine that keeps the session in the cookie ({@link ClientSideEngine}) does beyond
 * {@link SessionEngineContract}: the cookie is the state, so nothing exists on the server, nothing can be
 * revoked there, and of concurrent requests the last cookie wins. Each test is the counterpart of one in
 * {@link ServerSideEngineContract}, pinning down what a cookie does where a server-side record would differ.
 */
public abstract class ClientSideEngineContract extends SessionEngineContract<ClientSideEngine> {

    /** For subclasses, one per engine. */
    protected ClientSideEngineContract() {
    }

    /** Data "stored" for a cookie engine is a cookie it wrote, at the suite's time. */
    @Override
    protected String stored(Map<String, Object> data) {
        return engine.write(data);
    }

    /** test_save for signed cookies: the data comes back from the cookie; nothing exists on the server. */
    @Test
    void saveMakesACookieThatCarriesTheData() {
        String key = saved(withValue("x", 1));
        assertThat(open(key).get("x")).isEqualTo(1);
        assertThat(newSession().exists(key)).isFalse();
    }

    /** test_flush: the data and the key go; the browser is told to drop the cookie. */
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
    }

    /** test_cycle: a cookie is re-signed under a new value with the same data; the old one still reads. */
    @Test
    void cycleKeyResignsTheCookieWithTheSameData() {
        Session session = newSession();
        session.put("a", "c");
        session.put("b", "d");
        String oldKey = saved(session);
        clock.advance(Duration.ofSeconds(1)); // a cookie re-signed in the same second is identical
        session.cycleKey();
        String newKey = session.key();
        assertThat(newKey).isNotNull().isNotEqualTo(oldKey);
        assertThat(session.entries()).containsExactly(Map.entry("a", "c"), Map.entry("b", "d"));
        assertThat(open(newKey).get("a")).isEqualTo("c");
        assertThat(open(oldKey).get("a")).as("a cookie cannot be revoked").isEqualTo("c");
    }

    /** Any value of 8 characters or more is verified as a cookie: a bad one reads as an empty session. */
    @Test
    void unverifiableCookiesGiveAnEmptySessionToReissue() {
        List<String> badKeys = List.of("../../etc/passwd", "ABCDEFGHIJKL", "abc def ghi", "a".repeat(41),
                "abcd/efgh");
        for (String bad : badKeys) {
            Session session = open(bad);
            assertThat(session.get("x")).as(bad).isNull();
            assertThat(session.isModified()).as(bad).isTrue();
        }
    }

    /** test_decode_failure_logged_to_security, for cookies: a bad cookie is an empty session and one WARN. */
    @Test
    void corruptCookieGivesEmptySessionAndSecurityWarning() {
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            for (String corrupt : List.of("Zmxhc2tkajphbGtkamY", "bad:encoded:value")) {
                assertThat(open(corrupt).entries()).isEmpty();
            }
            assertThat(log.lines()).hasSize(2).allMatch(l -> l.startsWith("WARN "));
        }
    }

    /**
     * test_decode_serializer_exception: a correctly signed cookie whose payload is not JSON gives an empty
     * session.
     */
    @Test
    void signedButUnreadableCookieGivesEmptySession() {
        String token = new TimestampSigner(SecretKey.of(SECRET), Salts.SIGNED_COOKIES, clock)
                .sign("bm90IGpzb24");
        assertThat(open(token).entries()).isEmpty();
    }

    /** Django's signed_cookies keeps an unknown value as the key and re-issues a cookie, empty. */
    @Test
    void unknownCookieIsReissuedForTheEmptySession() {
        Session session = open("someunknownkey");
        assertThat(session.get("anything")).isNull();
        assertThat(session.isModified()).isTrue();
    }

    /** Logging out elsewhere cannot reach this browser's cookie: its next save carries its own data. */
    @Test
    void saveAfterADeleteElsewhereKeepsTheCookiesData() {
        Session first = newSession();
        first.put("a", 1);
        String key = saved(first);
        open(key).delete();
        first.put("b", 2);
        first.save(); // the cookie is the state: nothing on the server to resurrect
        assertThat(open(first.key()).get("b")).isEqualTo(2);
        assertThat(open(first.key()).get("a")).isEqualTo(1);
    }

    /** The engine's own contract: {@code read} returns what {@code write} signed, and when it was signed. */
    @Test
    void readReturnsWhatWriteSignedAndWhen() {
        String cookie = engine.write(Map.of("owner", "first", "n", 3));
        ClientSideEngine.CookieSession read = engine.read(cookie).orElseThrow();
        assertThat(read.data()).isEqualTo(Map.of("owner", "first", "n", 3));
        assertThat(read.writtenAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(engine.read(cookie + "x")).isEmpty();
    }

    /** clear() then a write on a cookie: the new cookie carries only what was written after the clear. */
    @Test
    void clearThenWriteMakesACookieWithOnlyTheNewData() {
        String key = saved(withValue("a", 1));
        Session session = open(key);
        session.clear();
        session.put("b", 2);
        session.save();
        Session reopened = open(session.key());
        assertThat(reopened.get("b")).isEqualTo(2);
        assertThat(reopened.contains("a")).isFalse();
    }

    /** Opening a cookie session verifies nothing; a read verifies the cookie once; a save signs once. */
    @Test
    void cookieIsVerifiedOnlyWhenDataIsRead() {
        String key = saved(withValue("count", 1));
        CountingCookieEngine counting = CountingCookieEngine.wrap(engine);
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
        assertThat(counting.reads.get()).isEqualTo(1);
        assertThat(counting.writes.get()).isEqualTo(1);
        assertThat(open(writing.key()).get("count")).isEqualTo(2);
    }

    /** Two requests that change different values: each response carries its own request's copy. */
    @Test
    void concurrentWritesEachKeepTheirOwnCopy() {
        String key = saved(withValue("start", 0));
        Session first = open(key);
        Session second = open(key);
        first.put("a", 1);
        second.put("b", 2);
        second.remove("start");
        first.save();
        second.save();
        assertThat(open(first.key()).get("b")).isNull();
        assertThat(open(second.key()).get("a")).isNull();
    }

    /** Two interleaved increments on one cookie: the browser keeps the last cookie, which counted once. */
    @Test
    void interleavedComputeKeepsTheLastCookie() {
        String key = saved(withValue("count", 0));
        Session first = open(key);
        Session second = open(key);
        first.compute("count", Integer.class, n -> n + 1);
        second.compute("count", Integer.class, n -> n + 1);
        first.save();
        second.save();
        assertThat(open(second.key()).get("count")).isEqualTo(1);
    }

    /** Many threads on one cookie: each makes its own cookie; the original is unchanged. */
    @Test
    void concurrentComputeFromManyThreadsLeavesTheOriginalCookie() throws Exception {
        String key = saved(withValue("count", 0));
        int threads = concurrencyThreads();
        SessionSettings patient = settings.toBuilder().maxSaveAttempts(1000).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> cookies = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    Session session = Session.open(engine, patient, key);
                    session.compute("count", Integer.class, n -> n + 1);
                    session.save();
                    return session.key();
                }));
            }
            for (Future<String> f : futures) {
                cookies.add(f.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(open(key).get("count")).isEqualTo(0);
        assertThat(cookies).allSatisfy(cookie -> assertThat(open(cookie).get("count")).isEqualTo(1));
    }

    /** clearsessions has nothing to clear for cookies: an expired cookie is refused when read. */
    @Test
    void expiredCookiesAreRefusedWhenRead() {
        Session live = withValue("live", true);
        live.setExpiry(3600);
        String liveKey = saved(live);
        Session old = withValue("old", true);
        old.setExpiry(-3600);
        String oldKey = saved(old);
        assertThat(newSession().exists(liveKey)).isFalse();
        assertThat(open(oldKey).get("old")).isNull();
        assertThat(open(liveKey).get("live")).isEqualTo(true);
    }
}
