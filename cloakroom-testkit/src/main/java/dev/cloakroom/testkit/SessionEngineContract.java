package dev.cloakroom.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import dev.cloakroom.signing.TimestampSigner;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every engine must have, whatever its kind: Django's {@code SessionTestsMixin} (Django's
 * tests/sessions_tests/tests.py, test names in the Javadoc of each method) plus Cloakroom's own promises
 * (laziness, bad input, expiry). Engines extend one of the two kinds' contracts,
 * {@link ServerSideEngineContract} or {@link ClientSideEngineContract}, which add what differs between the
 * kinds; each engine gets a tiny subclass that builds it, and nothing is overridden per engine.
 *
 * <p>Where a kind cannot do something by design (a signed cookie cannot be revoked), its contract asserts
 * what it does instead, so the difference is pinned down rather than skipped.
 */
public abstract class SessionEngineContract<E extends SessionEngine> {

    /** For subclasses, one per engine. */
    protected SessionEngineContract() {
    }

    /** The secret key the suite signs with. */
    protected static final String SECRET = "contract-secret-key";

    protected final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    protected SessionSettings settings;
    protected E engine;
    /** Keys saved by the test, deleted after it where the engine stores anything. */
    protected final List<String> createdKeys = new ArrayList<>();

    /** Returns a fresh engine that reads time from {@code settings.clock()} and uses its cookie settings. */
    protected abstract E newEngine(SessionSettings settings) throws Exception;

    /** How many threads and increments per thread the concurrency test runs; 8 × 200 by default. */
    protected int concurrencyThreads() {
        return 8;
    }

    protected int incrementsPerThread() {
        return 200;
    }

    @BeforeEach
    void openEngine() throws Exception {
        settings = settingsBuilder().build();
        engine = newEngine(settings);
    }

    /** The settings the suite runs with; subclasses may add to them but the defaults must stay Django's. */
    protected SessionSettingsBuilder settingsBuilder() {
        return SessionSettings.builder().secretKey(SECRET).clock(clock);
    }

    @AfterEach
    void closeEngine() throws Exception {
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    protected Session open(String key) {
        return Session.open(engine, settings, key);
    }

    protected Session newSession() {
        return Session.open(engine, settings, null);
    }

    /** Saves and remembers the key so the record is deleted after the test. */
    protected String saved(Session session) {
        session.save();
        String key = session.key();
        assertThat(key).isNotNull();
        createdKeys.add(key);
        return key;
    }

    // ------------------------------------------------------------ Django's SessionTestsMixin

    /** test_new_session. */
    @Test
    void newSessionIsNeitherModifiedNorAccessed() {
        Session session = newSession();
        assertThat(session.isModified()).isFalse();
        assertThat(session.isAccessed()).isFalse();
    }

    /** test_get_empty. */
    @Test
    void getOnNewSessionIsNull() {
        assertThat(newSession().get("cat")).isNull();
    }

    /** test_store. */
    @Test
    void putMarksModifiedAndPopReturnsValue() {
        Session session = newSession();
        session.put("cat", "dog");
        assertThat(session.isModified()).isTrue();
        assertThat(session.pop("cat")).isEqualTo("dog");
    }

    /** test_pop. */
    @Test
    void popReturnsValueAndMarksAccessedAndModified() {
        Session session = open(saved(withValue("some key", "exists")));
        assertThat(session.pop("some key")).isEqualTo("exists");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isTrue();
        assertThat(session.get("some key")).isNull();
    }

    /** test_pop_default and test_pop_default_named_argument (Java has no keyword arguments). */
    @Test
    void popMissingWithDefaultReturnsDefaultWithoutModifying() {
        Session session = newSession();
        assertThat(session.pop("some key", "does not exist")).isEqualTo("does not exist");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    /** test_pop_no_default_keyerror_raised. */
    @Test
    void popMissingWithoutDefaultThrows() {
        assertThatThrownBy(() -> newSession().pop("some key"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("some key");
    }

    /** test_setdefault. */
    @Test
    void setDefaultStoresOnlyWhenAbsent() {
        Session session = newSession();
        assertThat(session.setDefault("foo", "bar")).isEqualTo("bar");
        assertThat(session.setDefault("foo", "baz")).isEqualTo("bar");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isTrue();
    }

    /** test_update. */
    @Test
    void updateMarksModifiedEvenWhenEmpty() {
        Session session = newSession();
        session.update(Map.of());
        assertThat(session.isModified()).isTrue();
        session.update(Map.of("update key", 1));
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.get("update key")).isEqualTo(1);
    }

    /** test_has_key. */
    @Test
    void containsMarksAccessedOnly() {
        Session session = reopened(withValue("some key", 1));
        assertThat(session.contains("some key")).isTrue();
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    /** test_values. */
    @Test
    void valuesAreReadWithoutModifying() {
        Session fresh = newSession();
        assertThat(fresh.values()).isEmpty();
        assertThat(fresh.isAccessed()).isTrue();
        Session session = reopened(withValue("x", 1));
        assertThat(session.values()).containsExactly(1);
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    /** test_keys. */
    @Test
    void keysAreReadWithoutModifying() {
        Session session = reopened(withValue("x", 1));
        assertThat(session.keys()).containsExactly("x");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    /** test_items. */
    @Test
    void entriesAreReadWithoutModifying() {
        Session session = reopened(withValue("x", 1));
        assertThat(session.entries()).containsExactly(Map.entry("x", 1));
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    /** test_clear. */
    @Test
    void clearEmptiesWithoutLoadingAndMarksBothFlags() {
        CountedEngine counting = CountedEngine.of(engine);
        String key = saved(withValue("x", 1));
        Session session = Session.open(counting.engine(), settings, key);
        session.clear();
        assertThat(counting.reads().get()).isZero();
        assertThat(session.entries()).isEmpty();
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isTrue();
        assertThat(session.key()).isEqualTo(key);
    }

    /** test_delete. */
    @Test
    void deleteRemovesTheRecord() {
        String key = saved(withValue("x", 1));
        Session session = open(key);
        session.delete(key);
        assertThat(session.exists(key)).isFalse();
    }

    /** test_cycle_with_no_session_cache. */
    @Test
    void cycleKeyOnUnloadedSessionLoadsFirstAndKeepsData() {
        String key = saved(withValue("some key", "exists"));
        Session session = open(key);
        session.cycleKey();
        createdKeys.add(session.key());
        assertThat(session.get("some key")).isEqualTo("exists");
        assertThat(open(session.key()).get("some key")).isEqualTo("exists");
    }

    /** test_save_doesnt_clear_data. */
    @Test
    void saveKeepsDataInMemory() {
        Session session = withValue("a", "b");
        saved(session);
        assertThat(session.get("a")).isEqualTo("b");
    }

    /** test_invalid_key. */
    @Test
    void invalidKeyIsReplacedAtSave() {
        Session session = open("1");
        session.put("cat", "dog");
        String key = saved(session);
        assertThat(key).isNotEqualTo("1");
        assertThat(open("1").get("cat")).isNull();
    }

    /** test_session_key_empty_string_invalid, test_session_key_too_short_invalid, ..._valid_string_saved. */
    @Test
    void keysShorterThanEightCharactersAreDropped() {
        assertThat(open("").key()).isNull();
        assertThat(open("1234567").key()).isNull();
        assertThat(open("12345678").key()).isEqualTo("12345678");
    }

    // ------------------------------------------------------------ idle and absolute expiry

    private ExpiryPolicyChecks expiryPolicy() {
        return new ExpiryPolicyChecks(engine, settingsBuilder(), clock, createdKeys);
    }

    /** With an idle timeout, reads keep a session alive and a session idle for longer is gone. */
    @Test
    void idleTimeoutEndsAnIdleSession() {
        expiryPolicy().idleSessionExpires();
    }

    /** With an absolute lifetime, the session ends that long after creation, through cycleKey. */
    @Test
    void absoluteTimeoutCountsFromCreationThroughCycleKey() {
        expiryPolicy().absoluteLifetimeSurvivesCycleKey();
    }

    /** Read-only requests write at most once per touch interval. */
    @Test
    void readsTouchAtMostOncePerTouchInterval() {
        expiryPolicy().readsTouchAtMostOncePerInterval();
    }

    /** test_default_expiry. */
    @Test
    void defaultExpiryIsCookieAgeEvenForBrowserCloseSessions() {
        Session session = newSession();
        assertThat(session.getExpiryAge()).isEqualTo(settings.cookieAge().toSeconds());
        session.setExpiry(0);
        assertThat(session.getExpiryAge()).isEqualTo(settings.cookieAge().toSeconds());
    }

    /** test_custom_expiry_seconds. */
    @Test
    void expiryInSecondsCountsFromModification() {
        Instant modification = clock.instant();
        Session session = newSession();
        session.setExpiry(10);
        assertThat(session.getExpiryDate(modification)).isEqualTo(modification.plusSeconds(10));
        assertThat(session.getExpiryAge(modification)).isEqualTo(10);
    }

    /** test_custom_expiry_timedelta. */
    @Test
    void expiryAsDurationIsAbsoluteFromNow() {
        Instant modification = clock.instant();
        Session session = newSession();
        session.setExpiry(Duration.ofSeconds(10));
        assertThat(session.getExpiryDate(modification)).isEqualTo(modification.plusSeconds(10));
        assertThat(session.getExpiryAge(modification)).isEqualTo(10);
    }

    /** test_custom_expiry_datetime, through Django 5's ISO string and back. */
    @Test
    void expiryAsInstantSurvivesSave() {
        Instant modification = clock.instant();
        Session session = newSession();
        session.setExpiry(modification.plusSeconds(10));
        Session reloaded = open(saved(session));
        assertThat(reloaded.getExpiryDate(modification)).isEqualTo(modification.plusSeconds(10));
        assertThat(reloaded.getExpiryAge(modification)).isEqualTo(10);
    }

    /** test_custom_expiry_reset. */
    @Test
    void expiryResetGoesBackToDefault() {
        Session session = newSession();
        session.setExpiry((Duration) null);
        session.setExpiry(10);
        session.setExpiry((Instant) null);
        assertThat(session.getExpiryAge()).isEqualTo(settings.cookieAge().toSeconds());
    }

    /** test_get_expire_at_browser_close. */
    @Test
    void expireAtBrowserCloseFollowsSessionThenSetting() {
        Session session = newSession();
        session.setExpiry(10);
        assertThat(session.getExpireAtBrowserClose()).isFalse();
        session.setExpiry(0);
        assertThat(session.getExpireAtBrowserClose()).isTrue();
        session.setExpiry((Duration) null);
        assertThat(session.getExpireAtBrowserClose()).isFalse();

        SessionSettings closing = settings.toBuilder().expireAtBrowserClose(true).build();
        Session other = Session.open(engine, closing, null);
        other.setExpiry(10);
        assertThat(other.getExpireAtBrowserClose()).isFalse();
        other.setExpiry(0);
        assertThat(other.getExpireAtBrowserClose()).isTrue();
        other.setExpiry((Duration) null);
        assertThat(other.getExpireAtBrowserClose()).isTrue();
    }

    /**
     * Cloakroom: a stored {@code _session_expiry} that Django's own code would fail on (a number or date
     * beyond Python's datetime range, NaN, an array, an object, a string that is no date) never breaks a
     * request: the session reads, with the default expiry, and one WARN says so; saving it works.
     */
    @Test
    void unusableStoredExpiryReadsAsTheDefaultWithOneWarning() {
        List<Object> unusable = List.of(1e308, -1e308, Double.NaN, Double.POSITIVE_INFINITY,
                BigInteger.TWO.pow(63), BigInteger.TWO.pow(63).negate(), Long.MAX_VALUE, Long.MIN_VALUE,
                List.of(), Map.of(), List.of(60), Map.of("seconds", 60), "next tuesday",
                "+10000-01-01T00:00:00+00:00");
        for (Object value : unusable) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("foo", "bar");
            data.put(Session.EXPIRY_KEY, value);
            String key = stored(data);
            try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
                Session session = open(key);
                assertThat(session.get("foo")).as("%s", value).isEqualTo("bar");
                assertThat(session.getExpiryAge()).as("%s", value)
                        .isEqualTo(settings.cookieAge().toSeconds());
                assertThat(session.getExpiryDate()).as("%s", value)
                        .isEqualTo(clock.instant().plus(settings.cookieAge()));
                assertThat(session.getExpireAtBrowserClose()).as("%s", value).isFalse();
                session.put("touched", true);
                saved(session);
                assertThat(log.lines()).as("%s", value).singleElement().asString().startsWith("WARN ")
                        .contains(Session.EXPIRY_KEY).doesNotContain(key);
            }
        }
    }

    /** Python's booleans are ints: a stored {@code true} is an expiry of 1 second, {@code false} is 0. */
    @Test
    void booleanStoredExpiryIsAnIntAsInPython() {
        String one = stored(Map.of("foo", "bar", Session.EXPIRY_KEY, true));
        Session yes = open(one);
        assertThat(yes.get("foo")).isEqualTo("bar");
        assertThat(yes.getExpiryAge()).isEqualTo(1);
        assertThat(yes.getExpireAtBrowserClose()).isFalse();

        String zero = stored(Map.of("foo", "bar", Session.EXPIRY_KEY, false));
        Session no = open(zero);
        assertThat(no.get("foo")).isEqualTo("bar");
        assertThat(no.getExpiryAge()).isEqualTo(settings.cookieAge().toSeconds());
        assertThat(no.getExpireAtBrowserClose()).isTrue();
    }

    /**
     * Stores {@code data} as Django would have written it, live for a minute, and returns the key to open
     * it with: a record for server-side engines, the signed cookie itself for signed cookies.
     */
    protected abstract String stored(Map<String, Object> data);

    /** test_decode: every JSON type survives a save and a load. */
    @Test
    void everyJsonTypeSurvivesSaveAndLoad() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "Zoë ✓ 日本語 😀 \"quoted\"\n\t\\ /");
        values.put("int", 42);
        values.put("big", 9007199254740993L);
        values.put("huge", new BigInteger("123456789012345678901234567890"));
        values.put("float", 12.5);
        values.put("negative", -0.25);
        values.put("yes", true);
        values.put("nothing", null);
        values.put("list", List.of(1, "two", List.of(3.0)));
        values.put("map", Map.of("nested", Map.of("deep", "value")));
        Session session = newSession();
        session.update(values);
        Session reloaded = open(saved(session));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            assertThat(reloaded.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** test_actual_expiry: a session saved with an expiry in the past does not load. */
    @Test
    void sessionSavedWithPastExpiryDoesNotLoad() {
        Session session = newSession();
        session.put("foo", "bar");
        session.setExpiry(Duration.ofSeconds(-10));
        String key = saved(session);
        Session reloaded = open(key);
        assertThat(reloaded.contains("foo")).isFalse();
    }

    /** Cloakroom: a session is gone once the clock passes its expiry, on every engine. */
    @Test
    void sessionExpiresWhenTheClockPassesCookieAge() {
        String key = saved(withValue("foo", "bar"));
        clock.advance(settings.cookieAge().minusSeconds(1));
        assertThat(open(key).get("foo")).isEqualTo("bar");
        clock.advance(Duration.ofSeconds(2));
        assertThat(open(key).get("foo")).isNull();
    }

    /** Cloakroom: an expiry in seconds counts from the last save, so activity keeps the session alive. */
    @Test
    void expiryInSecondsIsInactivityTime() {
        Session session = newSession();
        session.setExpiry(60);
        session.put("foo", "bar");
        String key = saved(session);
        clock.advance(Duration.ofSeconds(50));
        Session active = open(key);
        active.put("touched", true);
        active.save();
        key = active.key();
        createdKeys.add(key);
        clock.advance(Duration.ofSeconds(50));
        assertThat(open(key).get("foo")).isEqualTo("bar");
        clock.advance(Duration.ofSeconds(11));
        assertThat(open(key).get("foo")).isNull();
    }

    /** test_test_cookie (SessionBaseTests), on every engine. */
    @Test
    void testCookieRoundTrip() {
        Session session = newSession();
        assertThat(session.contains(Session.TEST_COOKIE_KEY)).isFalse();
        session.setTestCookie();
        Session next = open(saved(session));
        assertThat(next.testCookieWorked()).isTrue();
        next.deleteTestCookie();
        assertThat(next.contains(Session.TEST_COOKIE_KEY)).isFalse();
        assertThatThrownBy(next::deleteTestCookie).isInstanceOf(NoSuchElementException.class);
    }

    /** test_is_empty (SessionBaseTests) and the middleware's reading of it. */
    @Test
    void isEmptyIsAboutKeyAndDataWithoutLoading() {
        assertThat(newSession().isEmpty()).isTrue();
        String key = saved(withValue("a", 1));
        Session withKey = open(key);
        assertThat(withKey.isEmpty()).isFalse();
        assertThat(withKey.isAccessed()).isFalse();
    }

    // ------------------------------------------------------------ laziness and frugality

    // ------------------------------------------------------------ values

    /** A value that cannot be JSON fails at put, naming the key and the type. */
    @Test
    void valueThatCannotBeJsonFailsAtPutNamingKeyAndType() {
        Session session = newSession();
        assertThatThrownBy(() -> session.put("socket", new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'socket'")
                .hasMessageContaining("SessionEngineContract");
        assertThat(session.isModified()).isFalse();
    }

    /** Records go in as JSON objects and come back typed. */
    @Test
    void recordsRoundTripThroughJson() {
        record CartLine(String sku, int quantity) {
        }
        Session session = newSession();
        session.put("line", new CartLine("book", 2));
        assertThat(session.get("line")).isEqualTo(Map.of("sku", "book", "quantity", 2));
        Session reloaded = open(saved(session));
        assertThat(reloaded.get("line", CartLine.class)).isEqualTo(new CartLine("book", 2));
    }

    // ------------------------------------------------------------ no lost updates

    // ------------------------------------------------------------ clearExpired

    // ------------------------------------------------------------ helpers

    protected Session withValue(String name, Object value) {
        Session session = newSession();
        session.put(name, value);
        return session;
    }

    /** Saves, then opens the same key afresh, so the flags start false. */
    protected Session reopened(Session session) {
        return open(saved(session));
    }

    /** Encodes like Django's {@code SessionStore.encode} with the suite's secret, at the suite's time. */
    protected String djangoEncode(Map<String, Object> data) {
        return new ObjectSigner(SecretKey.of(SECRET), Salts.SESSION, clock).dumps(data, true);
    }
}
