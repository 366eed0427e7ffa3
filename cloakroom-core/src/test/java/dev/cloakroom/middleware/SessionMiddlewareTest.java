package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SameSite;
import dev.cloakroom.Session;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Django's {@code SessionMiddlewareTests} (Django's tests/sessions_tests/tests.py, one test each, named in
 * the Javadoc) and the middleware's edge cases, on a fake exchange: no container, exact header strings.
 */
class SessionMiddlewareTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:39:53Z");
    /** {@code NOW} plus the default two weeks, as Django's verified header shows it. */
    private static final String EXPIRES = "Sun, 06 Dec 2026 01:39:53 GMT";
    private static final String DELETION =
            "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";
    private static final Pattern COOKIE_KEY = Pattern.compile("^sessionid=([a-z0-9]{32});");

    private final MutableClock clock = MutableClock.at(NOW);
    private final CountingEngine engine = CountingEngine.wrap(MemoryEngine.create(clock));
    private SessionSettings settings;

    @BeforeEach
    void defaultSettings() {
        settings = settingsBuilder().build();
    }

    private SessionSettingsBuilder settingsBuilder() {
        return SessionSettings.builder().secretKey("middleware-test-secret").clock(clock);
    }

    private SessionMiddleware middleware(UnaryOperator<SessionSettingsBuilder> change) {
        settings = change.apply(settingsBuilder()).build();
        return new SessionMiddleware(engine, settings);
    }

    private SessionMiddleware middleware() {
        return new SessionMiddleware(engine, settings);
    }

    /** One request: open, let {@code view} use the session, finish. */
    private static Outcome run(SessionMiddleware middleware, FakeExchange exchange, Consumer<Session> view) {
        Session session = middleware.open(exchange);
        view.accept(session);
        return middleware.finish(exchange, session);
    }

    /** Stores a session holding {@code data} through a request, returns its key, resets the counters. */
    private String existingSession(Map<String, Object> data) {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(), exchange, s -> s.update(data));
        engine.reads.set(0);
        engine.writes.set(0);
        return keyOf(exchange.setCookies().get(0));
    }

    private static String keyOf(String setCookie) {
        Matcher m = COOKIE_KEY.matcher(setCookie);
        assertThat(m.find()).as("a session cookie with a 32-character key: %s", setCookie).isTrue();
        return m.group(1);
    }

    private Map<String, Object> stored(String key) {
        return SessionCodec.of(settings).decode(engine.load(key).orElseThrow().data());
    }

    private static String sessionCookie(String key) {
        return "sessionid=" + key + "; expires=" + EXPIRES
                + "; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax";
    }

    // ------------------------------------------------------------ Django's SessionMiddlewareTests

    /** test_secure_session_cookie. */
    @Test
    void secureSettingAddsSecureToTheCookie() {
        FakeExchange exchange = FakeExchange.request().secure(true);
        run(middleware(b -> b.cookieSecure(true)), exchange, s -> s.put("hello", "world"));
        String header = exchange.setCookies().get(0);
        assertThat(header).isEqualTo(sessionCookie(keyOf(header)) + "; Secure");
    }

    /** test_httponly_session_cookie. */
    @Test
    void httpOnlyIsOnByDefaultAndWrittenLiterally() {
        FakeExchange exchange = FakeExchange.request();
        Outcome outcome = run(middleware(), exchange, s -> s.put("hello", "world"));
        assertThat(outcome).isEqualTo(Outcome.SAVED);
        String header = exchange.setCookies().get(0);
        assertThat(header).contains("; HttpOnly;").isEqualTo(sessionCookie(keyOf(header)));
        assertThat(exchange.headers("Vary")).containsExactly("Cookie");
    }

    /** test_samesite_session_cookie. */
    @Test
    void sameSiteStrictIsWritten() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(b -> b.cookieSameSite(SameSite.STRICT)), exchange, s -> s.put("hello", "world"));
        assertThat(exchange.setCookies().get(0)).endsWith("; Path=/; SameSite=Strict");
    }

    /** test_no_httponly_session_cookie. */
    @Test
    void httpOnlyOffLeavesItOut() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(b -> b.cookieHttpOnly(false)), exchange, s -> s.put("hello", "world"));
        String header = exchange.setCookies().get(0);
        assertThat(header).doesNotContain("HttpOnly").isEqualTo("sessionid=" + keyOf(header) + "; expires="
                + EXPIRES + "; Max-Age=1209600; Path=/; SameSite=Lax");
    }

    /** test_session_save_on_500 and test_session_save_on_5xx: a change made by a failing view is not kept. */
    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 599})
    void serverErrorStatusSavesNothing(int status) {
        String key = existingSession(Map.of("count", 1));
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", key).status(status);
        Outcome outcome = run(middleware(), exchange, s -> s.put("hello", "world"));
        assertThat(outcome).isEqualTo(Outcome.NOT_SAVED_SERVER_ERROR);
        assertThat(exchange.setCookies()).isEmpty();
        assertThat(exchange.headers("Vary")).containsExactly("Cookie");
        assertThat(engine.writes).hasValue(0);
        assertThat(stored(key)).isEqualTo(Map.of("count", 1));
    }

    /** test_session_save_on_500 without a cookie: a new session is not created either. */
    @Test
    void serverErrorStatusCreatesNoNewSession() {
        FakeExchange exchange = FakeExchange.request().status(500);
        run(middleware(), exchange, s -> s.put("hello", "world"));
        assertThat(exchange.setCookies()).isEmpty();
        assertThat(engine.writes).hasValue(0);
    }

    /** Django 5 saves below 500 whatever the status: redirects and client errors keep their changes. */
    @ParameterizedTest
    @ValueSource(ints = {201, 302, 404, 499})
    void statusBelow500Saves(int status) {
        FakeExchange exchange = FakeExchange.request().status(status);
        assertThat(run(middleware(), exchange, s -> s.put("hello", "world"))).isEqualTo(Outcome.SAVED);
        assertThat(stored(keyOf(exchange.setCookies().get(0)))).containsEntry("hello", "world");
    }

    /** test_session_update_error_redirect. */
    @Test
    void sessionDeletedDuringTheRequestRaisesInterrupted() {
        FakeExchange exchange = FakeExchange.request();
        SessionMiddleware middleware = middleware();
        Session session = middleware.open(exchange);
        session.put("hello", "world");
        session.save();
        session.delete();
        assertThatThrownBy(() -> middleware.finish(exchange, session))
                .isInstanceOf(SessionInterruptedException.class)
                .hasMessage("The request's session was deleted before the request completed. "
                        + "The user may have logged out in a concurrent request, for example.");
        assertThat(exchange.setCookies()).isEmpty();
        assertThat(engine.exists(session.key())).isFalse();
    }

    /** test_session_delete_on_end. */
    @Test
    void flushWithACookieDeletesTheCookie() {
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", "abc");
        Outcome outcome = run(middleware(), exchange, Session::flush);
        assertThat(outcome).isEqualTo(Outcome.DELETED);
        assertThat(exchange.setCookies()).containsExactly(DELETION);
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
    }

    /** test_session_delete_on_end_with_custom_domain_and_path. */
    @Test
    void deletionCarriesTheCustomDomainAndPath() {
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", "abc");
        run(middleware(b -> b.cookieDomain(".example.local").cookiePath("/example/")), exchange,
                Session::flush);
        assertThat(exchange.setCookies()).containsExactly("sessionid=\"\"; Domain=.example.local; "
                + "expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/example/; SameSite=Lax");
    }

    /** test_flush_empty_without_session_cookie_doesnt_set_cookie. */
    @Test
    void flushWithoutACookieSetsNoCookieButVaries() {
        FakeExchange exchange = FakeExchange.request();
        Outcome outcome = run(middleware(), exchange, Session::flush);
        assertThat(outcome).isEqualTo(Outcome.ACCESSED);
        assertThat(exchange.setCookies()).isEmpty();
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
    }

    /** test_empty_session_saved: the same session finished twice, the second time with its data removed. */
    @Test
    void sessionEmptiedAfterASaveIsSavedEmptyAndKeepsItsCookie() {
        SessionMiddleware middleware = middleware();
        FakeExchange first = FakeExchange.request();
        Session session = middleware.open(first);
        session.put("foo", "bar");
        middleware.finish(first, session);
        String key = keyOf(first.setCookies().get(0));
        assertThat(first.responseHeader("Vary")).isEqualTo("Cookie");

        session.remove("foo");
        FakeExchange second = FakeExchange.request();
        assertThat(middleware.finish(second, session)).isEqualTo(Outcome.SAVED);
        assertThat(stored(key)).isEmpty();
        assertThat(key.length()).isGreaterThan(8);
        assertThat(second.setCookies()).containsExactly(sessionCookie(key));
        assertThat(second.responseHeader("Vary")).isEqualTo("Cookie");
    }

    // ------------------------------------------------------------ edge cases of the middleware

    @Test
    void untouchedSessionCostsNothingAndChangesNothing() {
        String key = existingSession(Map.of("count", 1));
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", key);
        assertThat(run(middleware(), exchange, s -> { })).isEqualTo(Outcome.UNTOUCHED);
        FakeExchange anonymous = FakeExchange.request();
        assertThat(run(middleware(), anonymous, s -> { })).isEqualTo(Outcome.UNTOUCHED);
        assertThat(engine.reads).hasValue(0);
        assertThat(engine.writes).hasValue(0);
        assertThat(exchange.headers("Set-Cookie")).isEmpty();
        assertThat(exchange.headers("Vary")).isEmpty();
        assertThat(anonymous.headers("Vary")).isEmpty();
    }

    @Test
    void readOnlyViewVariesWithoutACookieAfterOneRead() {
        String key = existingSession(Map.of("count", 1));
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", key);
        Object[] seen = new Object[1];
        assertThat(run(middleware(), exchange, s -> seen[0] = s.get("count"))).isEqualTo(Outcome.ACCESSED);
        assertThat(seen[0]).isEqualTo(1);
        assertThat(exchange.setCookies()).isEmpty();
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
        assertThat(engine.reads).hasValue(1);
        assertThat(engine.writes).hasValue(0);
    }

    @Test
    void newSessionCostsOneWriteAndExistingOneReadAndOneWrite() {
        FakeExchange first = FakeExchange.request();
        run(middleware(), first, s -> s.put("count", 1));
        assertThat(engine.reads).hasValue(0);
        assertThat(engine.writes).hasValue(1);
        String key = keyOf(first.setCookies().get(0));
        assertThat(stored(key)).isEqualTo(Map.of("count", 1));

        engine.reads.set(0);
        engine.writes.set(0);
        FakeExchange second = FakeExchange.request().cookie("sessionid", key);
        run(middleware(), second, s -> s.compute("count", Integer.class, n -> n + 1));
        assertThat(engine.reads).hasValue(1);
        assertThat(engine.writes).hasValue(1);
        assertThat(second.setCookies()).containsExactly(sessionCookie(key));
    }

    @Test
    void sessionTheViewSavedIsNotSavedAgainButGetsItsCookie() {
        String key = existingSession(Map.of("count", 1));
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", key);
        Outcome outcome = run(middleware(), exchange, s -> {
            s.compute("count", Integer.class, n -> n + 1);
            s.save();
        });
        assertThat(outcome).isEqualTo(Outcome.SAVED);
        assertThat(engine.writes).as("the view's save only").hasValue(1);
        assertThat(exchange.setCookies()).containsExactly(sessionCookie(key));
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
        assertThat(stored(key)).isEqualTo(Map.of("count", 2));
    }

    @Test
    void sessionChangedAfterTheViewSavedItIsSavedAgain() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(), exchange, s -> {
            s.put("a", 1);
            s.save();
            s.put("b", 2);
        });
        assertThat(engine.writes).hasValue(2);
        assertThat(stored(keyOf(exchange.setCookies().get(0)))).isEqualTo(Map.of("a", 1, "b", 2));
    }

    @Test
    void dataEmptiedWhileTheKeyExistsIsSavedEmptyAndTheCookieResent() {
        String key = existingSession(Map.of("foo", "bar"));
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", key);
        assertThat(run(middleware(), exchange, s -> s.remove("foo"))).isEqualTo(Outcome.SAVED);
        assertThat(stored(key)).isEmpty();
        assertThat(exchange.setCookies()).containsExactly(sessionCookie(key));
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
    }

    @Test
    void saveEveryRequestWithAnUnknownCookieStoresANewEmptySessionUnderANewKey() {
        String unknown = "unknownkey0123456789";
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", unknown);
        Outcome outcome = run(middleware(b -> b.saveEveryRequest(true)), exchange, s -> { });
        assertThat(outcome).isEqualTo(Outcome.SAVED);
        String key = keyOf(exchange.setCookies().get(0));
        assertThat(key).isNotEqualTo(unknown);
        assertThat(stored(key)).isEmpty();
        assertThat(engine.exists(unknown)).isFalse();
        assertThat(exchange.setCookies()).containsExactly(sessionCookie(key));
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
    }

    @Test
    void saveEveryRequestResavesAnUntouchedSessionAndVaries() {
        String key = existingSession(Map.of("count", 1));
        clock.advance(Duration.ofHours(1));
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", key);
        assertThat(run(middleware(b -> b.saveEveryRequest(true)), exchange, s -> { }))
                .isEqualTo(Outcome.SAVED);
        assertThat(engine.writes).hasValue(1);
        assertThat(exchange.setCookies()).containsExactly("sessionid=" + key
                + "; expires=Sun, 06 Dec 2026 02:39:53 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");
        assertThat(exchange.responseHeader("Vary")).isEqualTo("Cookie");
        assertThat(engine.load(key).orElseThrow().expiresAt())
                .isEqualTo(NOW.plus(Duration.ofDays(14).plusHours(1)));
    }

    @Test
    void saveEveryRequestLeavesABrandNewUnwrittenSessionAlone() {
        FakeExchange exchange = FakeExchange.request();
        assertThat(run(middleware(b -> b.saveEveryRequest(true)), exchange, s -> { }))
                .isEqualTo(Outcome.UNTOUCHED);
        assertThat(exchange.setCookies()).isEmpty();
        assertThat(engine.writes).hasValue(0);
    }

    @Test
    void clearBeforeAnyReadOnAnUnknownKeyRaisesInterrupted() {
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", "unknownkey0123456789");
        SessionMiddleware middleware = middleware();
        Session session = middleware.open(exchange);
        session.clear();
        session.put("a", 1);
        assertThatThrownBy(() -> middleware.finish(exchange, session))
                .isInstanceOf(SessionInterruptedException.class);
        assertThat(engine.exists("unknownkey0123456789")).isFalse();
    }

    @Test
    void readingThroughAnUnknownCookieDeletesIt() {
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", "unknownkey0123456789");
        assertThat(run(middleware(), exchange, s -> s.get("anything"))).isEqualTo(Outcome.DELETED);
        assertThat(exchange.setCookies()).containsExactly(DELETION);
    }

    @Test
    void malformedCookieIsDeletedEvenWhenTheSessionIsNotTouched() {
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", "abc");
        assertThat(run(middleware(), exchange, s -> { })).isEqualTo(Outcome.DELETED);
        assertThat(exchange.setCookies()).containsExactly(DELETION);
        assertThat(engine.reads).hasValue(0);
    }

    @Test
    void unknownButWellFormedCookieIsLeftAloneWhenTheSessionIsNotTouched() {
        FakeExchange exchange = FakeExchange.request().cookie("sessionid", "unknownkey0123456789");
        assertThat(run(middleware(), exchange, s -> { })).isEqualTo(Outcome.UNTOUCHED);
        assertThat(exchange.setCookies()).isEmpty();
    }

    @Test
    void customExpiryInThePastGivesANegativeMaxAgeAndAPastDate() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(), exchange, s -> {
            s.put("a", 1);
            s.setExpiry(NOW.minusSeconds(3600));
        });
        String header = exchange.setCookies().get(0);
        assertThat(header).isEqualTo("sessionid=" + keyOf(header)
                + "; expires=Sun, 22 Nov 2026 00:39:53 GMT; HttpOnly; Max-Age=-3600; Path=/; SameSite=Lax");
    }

    @Test
    void customExpiryInSecondsSetsMaxAgeAndExpires() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(), exchange, s -> {
            s.put("a", 1);
            s.setExpiry(300);
        });
        assertThat(exchange.setCookies().get(0))
                .endsWith("; expires=Sun, 22 Nov 2026 01:44:53 GMT; HttpOnly; Max-Age=300; Path=/; "
                        + "SameSite=Lax");
    }

    @Test
    void fractionalExpiryIsFlooredToWholeSeconds() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(), exchange, s -> {
            s.put("a", 1);
            s.setExpiry(NOW.plusMillis(9_900));
        });
        assertThat(exchange.setCookies().get(0))
                .contains("; expires=Sun, 22 Nov 2026 01:40:02 GMT; HttpOnly; Max-Age=9; Path=/");
    }

    @Test
    void expireAtBrowserCloseSettingLeavesOutMaxAgeAndExpires() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(b -> b.expireAtBrowserClose(true)), exchange, s -> s.put("a", 1));
        String header = exchange.setCookies().get(0);
        assertThat(header).isEqualTo("sessionid=" + keyOf(header) + "; HttpOnly; Path=/; SameSite=Lax");
    }

    @Test
    void perSessionExpiryOfZeroEndsWithTheBrowser() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(), exchange, s -> {
            s.put("a", 1);
            s.setExpiry(0);
        });
        String header = exchange.setCookies().get(0);
        assertThat(header).isEqualTo("sessionid=" + keyOf(header) + "; HttpOnly; Path=/; SameSite=Lax");
    }

    @Test
    void perSessionExpiryOverridesExpireAtBrowserClose() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(b -> b.expireAtBrowserClose(true)), exchange, s -> {
            s.put("a", 1);
            s.setExpiry(600);
        });
        assertThat(exchange.setCookies().get(0)).contains("; Max-Age=600; ");
    }

    @Test
    void varyIsMergedIntoAnExistingHeaderWithoutDuplicates() {
        FakeExchange exchange = FakeExchange.request().header("Vary", "Accept-Encoding");
        run(middleware(), exchange, s -> s.put("a", 1));
        assertThat(exchange.headers("Vary")).containsExactly("Accept-Encoding, Cookie");

        FakeExchange already = FakeExchange.request().header("Vary", "Accept,COOKIE");
        run(middleware(), already, s -> s.put("a", 1));
        assertThat(already.headers("Vary")).containsExactly("Accept, COOKIE");

        FakeExchange star = FakeExchange.request().header("Vary", "*");
        run(middleware(), star, s -> s.get("a"));
        assertThat(star.headers("Vary")).containsExactly("*");

        FakeExchange twice = FakeExchange.request().header("Vary", "Origin")
                .header("vary", "Accept-Language");
        run(middleware(), twice, s -> s.get("a"));
        assertThat(twice.headers("Vary")).containsExactly("Origin, Accept-Language, Cookie");
    }

    @Test
    void sameSiteWithoutAttributeLeavesItOut() {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(b -> b.cookieSameSite(SameSite.NONE_ATTRIBUTE)), exchange, s -> s.put("a", 1));
        assertThat(exchange.setCookies().get(0)).endsWith("; Max-Age=1209600; Path=/");
    }

    @Test
    void deletionIsSecureForSameSiteNoneAndForPrefixedNames() {
        FakeExchange none = FakeExchange.request().cookie("sessionid", "abc");
        run(middleware(b -> b.cookieSameSite(SameSite.NONE).cookieSecure(true)), none, Session::flush);
        assertThat(none.setCookies()).containsExactly(
                "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; "
                        + "SameSite=None; Secure");

        FakeExchange host = FakeExchange.request().cookie("__Host-id", "abc");
        run(middleware(b -> b.cookieName("__Host-id")), host, Session::flush);
        assertThat(host.setCookies()).containsExactly(
                "__Host-id=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; "
                        + "SameSite=Lax; Secure");
    }

    @Test
    void signedCookieSessionTravelsInTheCookie() {
        SessionSettings signedSettings = settingsBuilder().build();
        SessionMiddleware middleware = new SessionMiddleware(SignedCookieEngine.create(signedSettings),
                signedSettings);
        FakeExchange first = FakeExchange.request();
        run(middleware, first, s -> s.put("count", 1));
        String header = first.setCookies().get(0);
        String value = header.substring("sessionid=".length(), header.indexOf(';'));
        assertThat(value).contains(":").doesNotContain("\"");
        assertThat(header).isEqualTo("sessionid=" + value + "; expires=" + EXPIRES
                + "; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");

        FakeExchange second = FakeExchange.request().cookie("sessionid", value);
        Object[] seen = new Object[1];
        assertThat(run(middleware, second, s -> seen[0] = s.get("count"))).isEqualTo(Outcome.ACCESSED);
        assertThat(seen[0]).isEqualTo(1);
    }

    @Test
    void signedCookieTooLargeFailsWithoutSettingACookie() {
        SessionSettings signedSettings = settingsBuilder().build();
        SessionMiddleware middleware = new SessionMiddleware(SignedCookieEngine.create(signedSettings),
                signedSettings);
        FakeExchange exchange = FakeExchange.request();
        Session session = middleware.open(exchange);
        session.put("big", new java.util.Random(1).ints(3000).boxed().toList());
        assertThatThrownBy(() -> middleware.finish(exchange, session))
                .isInstanceOf(SessionTooLargeException.class)
                .hasMessageContaining("4096");
        assertThat(exchange.setCookies()).isEmpty();
    }

    @Test
    void secureCookieSetOverPlainHttpIsLoggedOnce() {
        SessionMiddleware middleware = middleware(b -> b.cookieSecure(true));
        try (LogCapture log = LogCapture.of(SessionMiddleware.class.getName())) {
            run(middleware, FakeExchange.request().secure(true), s -> s.put("a", 1));
            assertThat(log.lines()).isEmpty();
            run(middleware, FakeExchange.request(), s -> s.put("a", 1));
            run(middleware, FakeExchange.request(), s -> s.put("a", 1));
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ")
                    .contains("cookieSecure=true");
        }
    }

    @Test
    void openUsesTheLastCookieTheAdapterReportsAndDropsBadKeys() {
        assertThat(middleware().open(FakeExchange.request().cookie("sessionid", "../../etc/passwd")).key())
                .isNull();
        assertThat(middleware().open(FakeExchange.request().cookie("other", "abcdefgh12")).key()).isNull();
        assertThat(middleware().open(FakeExchange.request().cookie("sessionid", "abcdefgh12")).key())
                .isEqualTo("abcdefgh12");
    }
}
