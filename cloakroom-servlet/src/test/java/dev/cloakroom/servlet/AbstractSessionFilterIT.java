package dev.cloakroom.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SameSite;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SessionFilter} end to end: Django's {@code SessionMiddlewareTests} (Django's
 * tests/sessions_tests/tests.py) and the middleware's edge cases through real HTTP, asserting the raw
 * {@code Set-Cookie} and {@code Vary} headers, plus what only a container shows (commit, async, error pages,
 * includes, {@code HttpSession}). Each subclass starts one container; every scenario is written once, here.
 *
 * <p>Each path's first segment picks a filter, and with it settings and an engine: {@code /default/...},
 * {@code /secure/...} and so on. Every response is checked for a {@code JSESSIONID}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSessionFilterIT {

    private static final Instant NOW = Instant.parse("2026-11-22T01:39:53Z");
    private static final String EXPIRES = "Sun, 06 Dec 2026 01:39:53 GMT";
    private static final String DELETION =
            "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";
    private static final Pattern KEY = Pattern.compile("^sessionid=([a-z0-9]{32});");
    private static final Pattern SIGNED = Pattern.compile("^sessionid=([A-Za-z0-9_.:-]{20,});");

    private final MutableClock clock = MutableClock.at(NOW);
    private final Map<String, CountingEngine> engines = new LinkedHashMap<>();
    private final Map<String, SessionSettings> settings = new LinkedHashMap<>();
    private final TestHttp http = new TestHttp();
    private Path tempDir;
    private TestContainer container;
    private JdbcEngine db;

    /** Starts the container for {@code deployment}; {@code tempDir} is for its files. */
    protected abstract TestContainer start(TestContainer.Deployment deployment, Path tempDir)
            throws Exception;

    @BeforeAll
    void startContainer() throws Exception {
        tempDir = Files.createTempDirectory("cloakroom-servlet-it");
        List<TestContainer.Mount> mounts = new ArrayList<>();
        mounts.add(memory("default", b -> b));
        mounts.add(memory("secure", b -> b.cookieSecure(true)));
        mounts.add(memory("nohttponly", b -> b.cookieHttpOnly(false)));
        mounts.add(memory("strict", b -> b.cookieSameSite(SameSite.STRICT)));
        mounts.add(memory("domain", b -> b.cookieDomain(".example.local").cookiePath("/example/")));
        mounts.add(memory("every", b -> b.saveEveryRequest(true)));
        mounts.add(memory("close", b -> b.expireAtBrowserClose(true)));
        SessionSettings fileSettings = settings("file", b -> b);
        Path files = Files.createDirectories(tempDir.resolve("files"));
        mounts.add(mount("file", FileEngine.builder(fileSettings).directory(files).build()));
        mounts.add(mount("signed", SignedCookieEngine.create(settings("signed", b -> b))));
        settings("db", b -> b);
        db = JdbcEngine.builder("jdbc:sqlite:" + tempDir.resolve("sessions.db").toAbsolutePath())
                .clock(clock).build();
        mounts.add(mount("db", db));
        settings("down", b -> b);
        mounts.add(mount("down", new DownEngine(MemoryEngine.create(clock))));
        Path webXmlFiles = Files.createDirectories(tempDir.resolve("webxml-files"));
        mounts.add(new TestContainer.Mount("webxml", new SessionFilter(), Map.of(
                "engine", "file",
                "file-path", webXmlFiles.toString(),
                "secret-key", "web-xml-secret",
                "cookie-name", "webxmlid",
                "cookie-age", "3600",
                "cookie-samesite", "Strict")));
        container = start(new TestContainer.Deployment(mounts, new ScenarioServlet(), "/default/error-page"),
                tempDir);
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.stop();
        }
        if (db != null) {
            db.close();
        }
        try (var paths = Files.walk(tempDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void resetCounters() {
        engines.values().forEach(e -> {
            e.reads.set(0);
            e.writes.set(0);
        });
    }

    private SessionSettings settings(String name, UnaryOperator<SessionSettingsBuilder> change) {
        SessionSettings s = change.apply(SessionSettings.builder().secretKey("servlet-it-secret").clock(clock)
                .maxSaveAttempts(100)).build();
        settings.put(name, s);
        return s;
    }

    /** Storage that is down: every call fails with a message full of what a client must never see. */
    private static final class DownEngine extends ForwardingEngine {
        static final String INTERNALS =
                "PostgreSQL at db-7.internal:5432 (table app_sessions, pool 10/10 busy)";

        DownEngine(ServerSideEngine delegate) {
            super(delegate);
        }

        private static SessionStorageException down(String operation) {
            return new SessionStorageException(INTERNALS + " timed out while " + operation,
                    new java.sql.SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available"));
        }

        @Override
        public java.util.Optional<StoredSession> load(String key) {
            throw down("loading session …" + key.substring(key.length() - 4));
        }

        @Override
        public boolean create(StoredSession session) {
            throw down("creating a session");
        }

        @Override
        public dev.cloakroom.SaveResult save(@org.jspecify.annotations.Nullable StoredSession loaded,
                StoredSession next) {
            throw down("saving a session");
        }

        @Override
        public void delete(String key) {
            throw down("deleting a session");
        }
    }

    private TestContainer.Mount memory(String name, UnaryOperator<SessionSettingsBuilder> change) {
        settings(name, change);
        return mount(name, MemoryEngine.create(clock));
    }

    /** Mounts {@code engine}, counting its storage calls if it stores on the server. */
    private TestContainer.Mount mount(String name, SessionEngine engine) {
        SessionEngine mounted = engine;
        if (engine instanceof ServerSideEngine server) {
            CountingEngine counting = CountingEngine.wrap(server);
            engines.put(name, counting);
            mounted = counting;
        }
        return new TestContainer.Mount(name, new SessionFilter(mounted, settings.get(name)), Map.of());
    }

    // ------------------------------------------------------------------ HTTP

    /** One response, with its raw headers. */
    record Reply(int status, String body, List<String> setCookies, List<String> vary,
            HttpResponse<String> raw) {
        String setCookie() {
            assertThat(setCookies).as("Set-Cookie headers").hasSize(1);
            return setCookies.get(0);
        }

        String key() {
            Matcher m = KEY.matcher(setCookie());
            assertThat(m.find()).as("a session cookie with a 32-character key: %s", setCookie()).isTrue();
            return m.group(1);
        }

        String signedValue() {
            Matcher m = SIGNED.matcher(setCookie());
            assertThat(m.find()).as("a signed session cookie: %s", setCookie()).isTrue();
            return m.group(1);
        }
    }

    private Reply get(String path, String... cookies) {
        HttpResponse<String> response = http.get(container.port(), path,
                cookies.length > 0 ? Map.of("Cookie", String.join("; ", cookies)) : Map.of());
        List<String> setCookies = response.headers().allValues("set-cookie");
        assertThat(setCookies).as("no container session cookie on %s", path)
                .noneMatch(c -> c.toUpperCase(Locale.ROOT).contains("JSESSIONID"));
        return new Reply(response.statusCode(), response.body(), setCookies,
                response.headers().allValues("vary"),
                response);
    }

    private String newSession(String profile, String value) {
        Reply reply = get("/" + profile + "/write?v=" + value);
        assertThat(reply.status()).isEqualTo(200);
        resetCounters();
        return reply.key();
    }

    private Map<String, Object> stored(String profile, String key) {
        String data = engines.get(profile).load(key).orElseThrow().data();
        return SessionCodec.of(settings.get(profile)).decode(data);
    }

    private static String sessionCookie(String key) {
        return "sessionid=" + key + "; expires=" + EXPIRES
                + "; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax";
    }

    // ------------------------------------------------------------------ Django's SessionMiddlewareTests

    /** test_secure_session_cookie. */
    @Test
    void secureSettingAddsSecureToTheCookie() {
        Reply reply = get("/secure/write");
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()) + "; Secure");
    }

    /** test_httponly_session_cookie. */
    @Test
    void httpOnlyIsOnByDefault() {
        Reply reply = get("/default/write");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.setCookie()).contains("; HttpOnly;").isEqualTo(sessionCookie(reply.key()));
        assertThat(reply.vary()).containsExactly("Cookie");
    }

    /** test_samesite_session_cookie. */
    @Test
    void sameSiteStrictIsSent() {
        assertThat(get("/strict/write").setCookie()).endsWith("; Path=/; SameSite=Strict");
    }

    /** test_no_httponly_session_cookie. */
    @Test
    void httpOnlyOffLeavesItOut() {
        Reply reply = get("/nohttponly/write");
        assertThat(reply.setCookie()).doesNotContain("HttpOnly").isEqualTo("sessionid=" + reply.key()
                + "; expires=" + EXPIRES + "; Max-Age=1209600; Path=/; SameSite=Lax");
    }

    /** test_session_save_on_500 and test_session_save_on_5xx, with the status set or sent as an error. */
    @ParameterizedTest
    @ValueSource(strings = {"status?code=500", "status?code=503", "send-error?code=503", "throw"})
    void serverErrorsSaveNothing(String action) {
        String key = newSession("default", "kept");
        Reply reply = get("/default/" + action, "sessionid=" + key);
        assertThat(reply.status()).isGreaterThanOrEqualTo(500);
        assertThat(reply.setCookies()).isEmpty();
        assertThat(engines.get("default").writes).hasValue(0);
        assertThat(get("/default/read", "sessionid=" + key).body()).isEqualTo("kept");
    }

    /** test_session_update_error_redirect: Django's SessionInterrupted becomes a plain 400. */
    @ParameterizedTest
    @ValueSource(strings = {"interrupted", "interrupted-flush"})
    void sessionDeletedDuringTheRequestAnswers400(String action) {
        Reply reply = get("/default/" + action);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo(SessionInterruptedException.MESSAGE);
        assertThat(reply.raw().headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase(Locale.ROOT)).startsWith("text/plain"));
        assertThat(reply.setCookies()).isEmpty();
    }

    /** test_session_delete_on_end. */
    @Test
    void flushWithAnUnknownCookieDeletesIt() {
        Reply reply = get("/default/flush", "sessionid=abc");
        assertThat(reply.setCookies()).containsExactly(DELETION);
        assertThat(reply.vary()).containsExactly("Cookie");
    }

    /** test_session_delete_on_end with a real session: the record goes too. */
    @Test
    void flushDeletesTheCookieAndTheRecord() {
        String key = newSession("default", "gone");
        Reply reply = get("/default/flush", "sessionid=" + key);
        assertThat(reply.setCookies()).containsExactly(DELETION);
        assertThat(reply.vary()).containsExactly("Cookie");
        assertThat(engines.get("default").exists(key)).isFalse();
    }

    /** test_session_delete_on_end_with_custom_domain_and_path. */
    @Test
    void deletionCarriesTheCustomDomainAndPath() {
        Reply reply = get("/domain/flush", "sessionid=abc");
        assertThat(reply.setCookies()).containsExactly("sessionid=\"\"; Domain=.example.local; "
                + "expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/example/; SameSite=Lax");
    }

    /** test_flush_empty_without_session_cookie_doesnt_set_cookie. */
    @Test
    void flushWithoutACookieSetsNoCookieButVaries() {
        Reply reply = get("/default/flush");
        assertThat(reply.setCookies()).isEmpty();
        assertThat(reply.vary()).containsExactly("Cookie");
    }

    /** test_empty_session_saved, over two requests. */
    @Test
    void sessionEmptiedIsSavedEmptyAndItsCookieResent() {
        Reply first = get("/default/write");
        String key = first.key();
        assertThat(first.vary()).containsExactly("Cookie");
        Reply second = get("/default/remove", "sessionid=" + key);
        assertThat(second.setCookies()).containsExactly(sessionCookie(key));
        assertThat(second.vary()).containsExactly("Cookie");
        assertThat(stored("default", key)).isEmpty();
    }

    // ------------------------------------------------------------------ edge cases of the middleware

    @Test
    void untouchedSessionCostsNothingAndChangesNothing() {
        String key = newSession("default", "v");
        Reply reply = get("/default/untouched", "sessionid=" + key);
        assertThat(reply.setCookies()).isEmpty();
        assertThat(reply.vary()).isEmpty();
        assertThat(engines.get("default").reads).hasValue(0);
        assertThat(engines.get("default").writes).hasValue(0);
    }

    @Test
    void readOnlyViewVariesWithoutACookie() {
        String key = newSession("default", "seen");
        Reply reply = get("/default/read", "sessionid=" + key);
        assertThat(reply.body()).isEqualTo("seen");
        assertThat(reply.setCookies()).isEmpty();
        assertThat(reply.vary()).containsExactly("Cookie");
        assertThat(engines.get("default").reads).hasValue(1);
        assertThat(engines.get("default").writes).hasValue(0);
    }

    @Test
    void saveEveryRequestWithAnUnknownCookieSendsANewKey() {
        String unknown = "unknownkey0123456789";
        Reply reply = get("/every/untouched", "sessionid=" + unknown);
        String key = reply.key();
        assertThat(key).isNotEqualTo(unknown);
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(key));
        assertThat(reply.vary()).containsExactly("Cookie");
        assertThat(stored("every", key)).isEmpty();
    }

    @Test
    void expireAtBrowserCloseSendsNeitherMaxAgeNorExpires() {
        Reply reply = get("/close/write");
        assertThat(reply.setCookie()).isEqualTo("sessionid=" + reply.key()
                + "; HttpOnly; Path=/; SameSite=Lax");
    }

    // ------------------------------------------------------------------ what only a container shows

    @Test
    void redirectSavesAndSetsTheCookie() {
        Reply reply = get("/default/redirect");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.raw().headers().firstValue("location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/default/read"));
        assertThat(get("/default/read", "sessionid=" + reply.key()).body()).isEqualTo("redirected");
    }

    @Test
    void oneMebibyteFlushedStillGetsItsCookieAndItsSave() {
        Reply reply = get("/default/big");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(ScenarioServlet.BIG);
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()));
        assertThat(get("/default/read", "sessionid=" + reply.key()).body()).isEqualTo("big");
    }

    @Test
    void oneMebibyteThroughTheWriterStillGetsItsCookieAndItsSave() {
        Reply reply = get("/default/big-writer");
        assertThat(reply.body()).hasSize(ScenarioServlet.BIG);
        assertThat(get("/default/read", "sessionid=" + reply.key()).body()).isEqualTo("big-writer");
    }

    @Test
    void reachingTheContentLengthStillGetsTheCookie() {
        Reply reply = get("/default/content-length");
        assertThat(reply.body()).isEqualTo("hello");
        assertThat(get("/default/read", "sessionid=" + reply.key()).body()).isEqualTo("sized");
    }

    @Test
    void changesAfterTheResponseCommittedAreNotSavedAndAWarningSaysSo() {
        try (LogCapture log = LogCapture.of(SessionFilter.class.getName())) {
            Reply reply = get("/default/late-change");
            String key = reply.key();
            assertThat(stored("default", key)).containsEntry("foo", "before").doesNotContainKey("late");
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ")
                    .contains("after the response was committed");
        }
    }

    @Test
    void asyncRequestSavesWhenItCompletes() {
        Reply reply = get("/default/async");
        assertThat(reply.body()).isEqualTo("async");
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()));
        assertThat(engines.get("default").writes).hasValue(1);
        assertThat(get("/default/read", "sessionid=" + reply.key()).body()).isEqualTo("async");
    }

    @Test
    void asyncDispatchSavesOnceWithTheCookie() {
        Reply reply = get("/default/async-dispatch");
        assertThat(reply.body()).isEqualTo("dispatched");
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()));
        assertThat(engines.get("default").writes).hasValue(1);
    }

    @Test
    void errorPageSeesTheSessionAndNothingIsSavedTwice() {
        Reply reply = get("/default/not-found");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("error page: foo=404 same=true");
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()));
        assertThat(engines.get("default").writes).hasValue(1);
        assertThat(get("/default/read", "sessionid=" + reply.key()).body()).isEqualTo("404");
    }

    @Test
    void includeSharesTheSessionAndSavesOnce() {
        Reply reply = get("/default/include");
        assertThat(reply.body()).isEqualTo("inner|after");
        String key = reply.key();
        assertThat(engines.get("default").writes).hasValue(1);
        assertThat(stored("default", key)).isEqualTo(Map.of("foo", "outer", "bar", "inner"));
    }

    @Test
    void forwardSharesTheSessionAndSavesOnce() {
        Reply reply = get("/default/forward");
        assertThat(reply.body()).isEqualTo("forwarded");
        assertThat(engines.get("default").writes).hasValue(1);
        assertThat(stored("default", reply.key())).isEqualTo(Map.of("foo", "forwarded"));
    }

    @Test
    void signedCookieTooLargeAnswers500AndSetsNoCookie() {
        Reply reply = get("/signed/huge");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo(RequestState.SAVE_FAILED);
        assertThat(reply.setCookies()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "file"})
    void concurrentIncrementsLoseNothing(String profile) throws Exception {
        Reply first = get("/" + profile + "/compute");
        String cookie = "sessionid=" + first.key();
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        statuses.add(get("/" + profile + "/compute", cookie).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(get("/" + profile + "/read?name=count", cookie).body())
                .isEqualTo(String.valueOf(1 + threads * perThread));
    }

    // ------------------------------------------------------------------ storage failures

    private static final String DOWN_KEY = "sessionid=abcdefgh12345678abcdefgh12345678";

    /** Answered 503 with Retry-After, as plain text naming nothing of the storage, after one storage call. */
    private void assertStorageUnavailable(Reply reply, int storageCalls) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.raw().headers().firstValue("retry-after")).hasValue("5");
        assertThat(reply.raw().headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase(Locale.ROOT)).startsWith("text/plain"));
        assertThat(reply.body()).isEqualTo(RequestState.STORAGE_UNAVAILABLE)
                .doesNotContain("db-7", "5432", "app_sessions", "Exception", "Hikari", "abcd", "5678");
        assertThat(reply.setCookies()).isEmpty();
        CountingEngine engine = engines.get("down");
        assertThat(engine.reads.get() + engine.writes.get()).as("storage calls").isEqualTo(storageCalls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "write", "compute", "save-now", "flush", "legacy", "before-save-small"})
    void storageFailureEscapingTheViewAnswers503WithoutInternalsAfterOneStorageCall(String action) {
        Reply reply = get("/down/" + action, DOWN_KEY);
        assertStorageUnavailable(reply, 1);
    }

    @Test
    void storageFailureOfANewSessionAtTheEndOfTheRequestAnswers503() {
        assertStorageUnavailable(get("/down/write"), 1);
    }

    @Test
    void storageFailureAnswerToAPostClosesTheConnectionOpenly() throws Exception {
        HttpResponse<String> response = http.client().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + container.port() + "/down/read"))
                .header("Cookie", DOWN_KEY).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("a=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("connection")).as("the body may be unread")
                .hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
    }

    @Test
    void viewThatAnswersTheStorageFailureItselfKeepsItsAnswerAndTheStorageIsAskedOnce() {
        Reply reply = get("/down/caught", DOWN_KEY);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("the view's own 503");
        assertThat(engines.get("down").reads).hasValue(1);
        assertThat(engines.get("down").writes).hasValue(0);
    }

    // ------------------------------------------------------------------ Sessions.saveNow

    @Test
    void saveNowStoresOnceAndTheCookieIsStillSet() {
        Reply reply = get("/default/save-now");
        assertThat(reply.body()).isEqualTo("1");
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()));
        assertThat(engines.get("default").writes).as("saved by the view only").hasValue(1);
        Reply next = get("/default/save-now", "sessionid=" + reply.key());
        assertThat(next.body()).isEqualTo("2");
        assertThat(engines.get("default").writes).hasValue(2);
        assertThat(stored("default", reply.key())).isEqualTo(Map.of("count", 2));
    }

    /** Answers built after saveNow are what was stored: concurrent increments answer 1..N, each once. */
    @ParameterizedTest
    @ValueSource(strings = {"default", "db"})
    void concurrentIncrementsSavedNowAnswerEveryStoredValueExactlyOnce(String profile) throws Exception {
        String cookie = "sessionid=" + get("/" + profile + "/save-now").key();
        int requests = 30;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Integer> answers = new ArrayList<>();
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                replies.add(pool.submit(() -> get("/" + profile + "/save-now", cookie)));
            }
            for (Future<Reply> reply : replies) {
                Reply r = reply.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                answers.add(Integer.parseInt(r.body()));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 2; n <= requests + 1; n++) {
            expected.add(n);
        }
        assertThat(answers).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(get("/" + profile + "/read?name=count", cookie).body())
                .isEqualTo(String.valueOf(requests + 1));
    }

    // ------------------------------------------------------------------ Sessions.beforeSave

    @Test
    void beforeSaveActionsRunOnceInOrderBeforeAMebibyteBodyCommits() {
        Reply reply = get("/default/before-save-big");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(ScenarioServlet.BIG + "|late refused".length())
                .endsWith("x|late refused");
        assertThat(reply.raw().headers().allValues(ScenarioServlet.RAN)).as("set before the commit")
                .containsExactly("first foo=big committed=false", "second foo=big committed=false",
                        "third foo=big committed=false");
        assertThat(reply.setCookie()).isEqualTo(sessionCookie(reply.key()));
        assertThat(engines.get("default").writes).hasValue(1);
        assertThat(stored("default", reply.key())).isEqualTo(Map.of("foo", "big",
                "order", List.of("first", "second", "third")));
    }

    @Test
    void beforeSaveActionsRunAtTheEndOfARequestThatNeverCommitted() {
        Reply reply = get("/default/before-save-small");
        assertThat(reply.body()).isEqualTo("ok");
        assertThat(reply.raw().headers().allValues(ScenarioServlet.RAN)).containsExactly(
                "first foo=small committed=false", "second foo=small committed=false",
                "third foo=small committed=false");
        assertThat(engines.get("default").writes).hasValue(1);
        assertThat(stored("default", reply.key())).isEqualTo(Map.of("foo", "small",
                "order", List.of("first", "second", "third")));
    }

    @Test
    void aFailingBeforeSaveActionStopsTheOthersAndTheSaveAndAnswers500() {
        String id = UUID.randomUUID().toString();
        try (LogCapture log = LogCapture.of(SessionFilter.class.getName())) {
            Reply reply = get("/default/before-save-throws?id=" + id);
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).isEqualTo(RequestState.SAVE_FAILED);
            assertThat(reply.setCookies()).isEmpty();
            assertThat(engines.get("default").writes).hasValue(0);
            assertThat(ScenarioServlet.RAN_AFTER_FAILURE).doesNotContain(id);
            assertThat(log.lines()).singleElement().asString().startsWith("ERROR ")
                    .contains("before-save action of GET /default/before-save-throws failed")
                    .contains("failing on purpose");
        }
    }

    // ------------------------------------------------------------------ HttpSession

    @ParameterizedTest
    @ValueSource(strings = {"file", "signed", "db"})
    void legacyServletKeepsACounterAcrossRequests(String profile) {
        String cookie = null;
        for (int i = 1; i <= 5; i++) {
            String path = "/" + profile + "/legacy";
            Reply reply = cookie == null ? get(path) : get(path, cookie);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(String.valueOf(i));
            String value = "signed".equals(profile) ? reply.signedValue() : reply.key();
            cookie = "sessionid=" + value;
        }
        assertThat(get("/" + profile + "/legacy-new", cookie).body()).isEqualTo("new=false count=5");
    }

    @Test
    void requestedSessionIdReflectsTheCookie() {
        assertThat(get("/default/legacy-probe").body())
                .isEqualTo("session=false valid=false requested=false fromCookie=false");
        String key = newSession("default", "v");
        assertThat(get("/default/legacy-probe", "sessionid=" + key).body())
                .isEqualTo("session=true valid=true requested=true fromCookie=true");
        Reply stale = get("/default/legacy-probe", "sessionid=unknownkey0123456789");
        assertThat(stale.body()).isEqualTo("session=false valid=false requested=true fromCookie=true");
        assertThat(stale.setCookies()).containsExactly(DELETION);
    }

    @Test
    void aSignedCookiePastItsOwnExpiryIsNotAValidRequestedSession() {
        Reply made = get("/signed/legacy-max-inactive");
        assertThat(made.body()).isEqualTo("300");
        String cookie = "sessionid=" + made.signedValue();
        assertThat(get("/signed/legacy-probe", cookie).body())
                .isEqualTo("session=true valid=true requested=true fromCookie=true");
        clock.advance(Duration.ofSeconds(301));
        try {
            Reply expired = get("/signed/legacy-probe", cookie);
            assertThat(expired.body()).isEqualTo("session=false valid=false requested=true fromCookie=true");
            assertThat(expired.setCookies()).containsExactly(DELETION);
        } finally {
            clock.set(NOW); // the servers are shared by the class's tests
        }
    }

    @Test
    void aSessionFlushedUnderItsHttpSessionViewIsNotHandedOutAgainNorStoredEmpty() {
        String key = newSession("default", "v");
        int writes = engines.get("default").writes.get();
        Reply reply = get("/default/legacy-flush-under", "sessionid=" + key);
        assertThat(reply.body()).isEqualTo("before=true after=false");
        assertThat(reply.setCookies()).containsExactly(DELETION);
        assertThat(engines.get("default").writes).hasValue(writes + 1); // the delete; no empty session saved
        assertThat(get("/default/legacy-probe", "sessionid=" + key).body())
                .isEqualTo("session=false valid=false requested=true fromCookie=true");
    }

    @Test
    void newHttpSessionIsNewAndStoresNothingUntilWritten() {
        Reply reply = get("/default/legacy-new");
        assertThat(reply.body()).isEqualTo("new=true count=null");
        assertThat(reply.setCookies()).isEmpty();
        assertThat(engines.get("default").writes).hasValue(0);
    }

    @Test
    void invalidateDeletesTheSessionAndItsCookie() {
        String key = get("/default/legacy").key();
        Reply reply = get("/default/legacy-invalidate", "sessionid=" + key);
        assertThat(reply.body()).isEqualTo("refused=true after=false");
        assertThat(reply.setCookies()).containsExactly(DELETION);
        assertThat(engines.get("default").exists(key)).isFalse();
    }

    @Test
    void getIdOfANewSessionIsTheKeyTheCookieCarries() {
        Reply reply = get("/default/legacy-id");
        assertThat(reply.body()).isEqualTo(reply.key());
        assertThat(stored("default", reply.key())).isEqualTo(Map.of("count", 1));
    }

    @Test
    void changeSessionIdCyclesTheKey() {
        String old = newSession("default", "v");
        Reply reply = get("/default/legacy-change-id", "sessionid=" + old);
        String key = reply.key();
        assertThat(reply.body()).isEqualTo(key);
        assertThat(key).isNotEqualTo(old);
        assertThat(engines.get("default").exists(old)).isFalse();
        assertThat(stored("default", key)).isEqualTo(Map.of("foo", "kept"));
    }

    /**
     * Attribute names in insertion order, removal saved, and both times the request's start: Django stores
     * neither a creation nor a last-access time, so the request's own clock reading is the honest answer.
     */
    @Test
    void attributesCanBeListedAndRemovedAndTimesAreTheRequestsStart() {
        Reply reply = get("/default/legacy-attributes");
        assertThat(reply.body()).isEqualTo("names=[b, a] after=[a] b=null created=" + NOW.toEpochMilli()
                + " accessed=" + NOW.toEpochMilli());
        assertThat(stored("default", reply.key())).isEqualTo(Map.of("a", "one"));
    }

    @Test
    void setMaxInactiveIntervalSetsTheCookiesMaxAge() {
        Reply reply = get("/default/legacy-max-inactive");
        assertThat(reply.body()).isEqualTo("300");
        assertThat(reply.setCookie()).isEqualTo("sessionid=" + reply.key()
                + "; expires=Sun, 22 Nov 2026 01:44:53 GMT; HttpOnly; Max-Age=300; Path=/; SameSite=Lax");
    }

    // ------------------------------------------------------------------ web.xml

    @Test
    void filterConfiguredByInitParametersUsesThem() {
        Reply reply = get("/webxml/write?v=from-web-xml");
        String header = reply.setCookie();
        Matcher m = Pattern.compile("^webxmlid=([a-z0-9]{32}); "
                + "expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; "
                + "HttpOnly; Max-Age=3600; Path=/; SameSite=Strict$").matcher(header);
        assertThat(m.matches()).as(header).isTrue();
        assertThat(get("/webxml/read", "webxmlid=" + m.group(1)).body()).isEqualTo("from-web-xml");
        assertThat(Files.exists(tempDir.resolve("webxml-files").resolve("webxmlid" + m.group(1)))).isTrue();
    }
}
