package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo's JSON API over real HTTP, run against each engine by a tiny subclass that names the engine
 * through {@code CLOAKROOM_*} variables, exactly as {@code cloakroom demo} would be configured.
 *
 * <p>Concurrent increments of one session must never lose an update: every one is answered 200 with the
 * count it stored, so the answers are distinct and the final count is exactly one more than their number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoApiContract {

    static final String SECRET = "demo-api-test-secret-key-0123456789abcdef";

    /** The demo's idle timeout ({@link DemoSettings#EXPIRY_DEFAULTS}): a new session's expiry age. */
    static final long IDLE_SECONDS = Long.parseLong(DemoSettings.EXPIRY_DEFAULTS.get("idle-timeout"));

    Path directory;
    DemoServer server;
    TestClient client;

    /** The engine's variables, for example {@code CLOAKROOM_ENGINE=file}; {@code directory} is fresh. */
    abstract Map<String, String> engineEnvironment(Path directory) throws Exception;

    /** Whether the server forgets a session when it is flushed or cycled (false for signed cookies). */
    boolean serverSideStorage() {
        return true;
    }

    @BeforeAll
    void startServer() throws Exception {
        directory = Files.createTempDirectory("cloakroom-demo-api");
        Map<String, String> env = new HashMap<>(engineEnvironment(directory));
        env.put("CLOAKROOM_SECRET_KEY", SECRET);
        env.put("CLOAKROOM_PORT", "0");
        server = DemoServer.start(DemoSettings.read(env, Map.of(), directory));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newBrowser() {
        client = new TestClient(server.uri());
    }

    @Test
    void pingAnswersOkWithoutTouchingTheSession() {
        TestClient.Response response = client.get("/api/ping");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("ok").asBoolean()).isTrue();
        assertThat(response.setCookies()).isEmpty();
        assertThat(response.header("Vary")).isEmpty();
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
    }

    @Test
    void pingWithASessionCookieStillLeavesTheSessionAlone() {
        client.postJson("/api/session", Map.of("a", 1));
        TestClient.Response response = client.get("/api/ping");
        assertThat(response.setCookies()).isEmpty();
        assertThat(response.header("Vary")).isEmpty();
    }

    @Test
    void newVisitorHasAnEmptySessionAndGetsNoCookie() {
        TestClient.Response response = client.get("/api/session");
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("session_key").isNull()).isTrue();
        assertThat(json.get("data").size()).isZero();
        assertThat(json.get("expiry_age").asLong()).isEqualTo(IDLE_SECONDS);
        assertThat(json.get("expire_at_browser_close").asBoolean()).isFalse();
        assertThat(response.setCookies()).isEmpty();
        assertThat(response.header("Vary")).hasValue("Cookie");
    }

    @Test
    void postedValuesComeBackOnTheNextRequest() {
        TestClient.Response posted = client.postJson("/api/session",
                "{\"n\": 1, \"big\": 9007199254740993, \"list\": [1, \"two\", null], \"map\": {\"é\": "
                        + "true}}");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.json().get("data").get("n").asInt()).isEqualTo(1);

        JsonNode again = client.get("/api/session").json();
        assertThat(again.get("data").get("n").asInt()).isEqualTo(1);
        assertThat(again.get("data").get("big").bigIntegerValue()).hasToString("9007199254740993");
        assertThat(again.get("data").get("list").toString()).isEqualTo("[1,\"two\",null]");
        assertThat(again.get("data").get("map").get("é").asBoolean()).isTrue();
        assertThat(again.get("session_key").asText()).isEqualTo(client.cookie("sessionid"));
    }

    @Test
    void sessionCookieIsHttpOnlyLaxOnTheRootPathWithTheIdleTimeoutAsMaxAge() {
        TestClient.Response response = client.postJson("/api/session", Map.of("a", 1));
        assertThat(response.setCookies()).singleElement().satisfies(cookie -> {
            assertThat(cookie).startsWith("sessionid=");
            assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                    .containsIgnoringCase("; Path=/").containsIgnoringCase("Max-Age=" + IDLE_SECONDS)
                    .doesNotContainIgnoringCase("Secure");
        });
    }

    @Test
    void deleteRemovesOneValue() {
        client.postJson("/api/session", Map.of("keep", 1, "drop", 2));
        TestClient.Response deleted = client.delete("/api/session/drop");
        assertThat(deleted.status()).isEqualTo(200);
        JsonNode data = client.get("/api/session").json().get("data");
        assertThat(data.has("drop")).isFalse();
        assertThat(data.get("keep").asInt()).isEqualTo(1);
    }

    @Test
    void deletingAValueThatIsNotThereIs404() {
        client.postJson("/api/session", Map.of("keep", 1));
        TestClient.Response response = client.delete("/api/session/missing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).contains("missing");
    }

    @Test
    void flushEmptiesTheSessionDeletesTheCookieAndForgetsTheOldKey() {
        client.postJson("/api/session", Map.of("secret", "x"));
        String oldKey = client.cookie("sessionid");
        TestClient.Response flushed = client.post("/api/session/flush");
        assertThat(flushed.status()).isEqualTo(200);
        assertThat(flushed.json().get("data").size()).isZero();
        assertThat(flushed.json().get("session_key").isNull()).isTrue();
        assertThat(flushed.setCookies()).singleElement().satisfies(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(client.get("/api/session").json().get("data").size()).isZero();
        if (serverSideStorage()) {
            assertThat(getWithCookie("/api/session", oldKey).get("data").size()).isZero();
        }
    }

    @Test
    void cycleKeepsTheDataUnderANewKey() {
        client.postJson("/api/session", Map.of("cart", List.of(3, 5)));
        String oldKey = client.cookie("sessionid");
        TestClient.Response cycled = client.post("/api/session/cycle");
        assertThat(cycled.status()).isEqualTo(200);
        assertThat(cycled.json().get("data").get("cart").toString()).isEqualTo("[3,5]");
        assertThat(client.get("/api/session").json().get("data").get("cart").toString()).isEqualTo("[3,5]");
        if (serverSideStorage()) {
            assertThat(client.cookie("sessionid")).isNotEqualTo(oldKey);
            assertThat(getWithCookie("/api/session", oldKey).get("data").size()).isZero();
        }
    }

    @Test
    void expiryInSecondsZeroAndNull() {
        client.postJson("/api/session", Map.of("a", 1));
        TestClient.Response sixty = client.postJson("/api/session/expiry", "{\"seconds\": 60}");
        assertThat(sixty.json().get("expiry_age").asLong()).isEqualTo(60);
        assertThat(sixty.setCookies()).singleElement().satisfies(c -> assertThat(c).contains("Max-Age=60"));

        TestClient.Response browser = client.postJson("/api/session/expiry", "{\"seconds\": 0}");
        assertThat(browser.json().get("expire_at_browser_close").asBoolean()).isTrue();
        assertThat(browser.setCookies()).singleElement().satisfies(c -> assertThat(c)
                .doesNotContain("Max-Age"));

        TestClient.Response reset = client.postJson("/api/session/expiry", "{\"seconds\": null}");
        assertThat(reset.json().get("expiry_age").asLong()).isEqualTo(IDLE_SECONDS);
        assertThat(reset.json().get("expire_at_browser_close").asBoolean()).isFalse();
        assertThat(client.get("/api/session").json().get("data").has("_session_expiry")).isFalse();
    }

    @Test
    void counterCountsUpThroughCompute() {
        assertThat(client.post("/api/counter").json().get("count").asLong()).isEqualTo(1);
        assertThat(client.post("/api/counter").json().get("count").asLong()).isEqualTo(2);
        assertThat(client.get("/api/session").json().get("data").get("count").asLong()).isEqualTo(2);
    }

    /**
     * Concurrent increments of one session: none is lost, and each answer is the count that request stored
     * (the counter saves before answering), so the answers are exactly 2..N+1, each once.
     */
    @Test
    void concurrentCounterRequestsLoseNoIncrementAndAnswerWhatWasStored() throws Exception {
        if (!serverSideStorage()) {
            return; // signed cookies: each response carries its own cookie, the last one wins (documented)
        }
        assertThat(client.post("/api/counter").json().get("count").asLong()).isEqualTo(1);
        String key = client.cookie("sessionid");
        HttpClient raw = HttpClient.newHttpClient();
        int requests = 24;
        ExecutorService pool = Executors.newFixedThreadPool(4); // what one browser sends at once, about
        List<Long> answers = new ArrayList<>();
        try {
            List<Future<TestClient.Response>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                responses.add(pool.submit(() -> {
                    HttpResponse<String> r = raw.send(HttpRequest.newBuilder(server.uri()
                            .resolve("/api/counter"))
                            .header("Cookie", "sessionid=" + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return new TestClient.Response(r.statusCode(), r.headers().map(), r.body());
                }));
            }
            for (Future<TestClient.Response> response : responses) {
                TestClient.Response r = response.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                answers.add(r.json().get("count").asLong());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> expected = new ArrayList<>();
        for (long n = 2; n <= requests + 1; n++) {
            expected.add(n);
        }
        assertThat(answers).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(client.get("/api/session").json().get("data").get("count").asLong())
                .isEqualTo(requests + 1);
    }

    /**
     * Fifty writers at once on one session, 150 increments: every one is answered 2xx (the save retries
     * until it wins instead of giving up after a fixed number of tries), and the stored count is exactly
     * the number of 2xx answers. The figures go to the test output.
     */
    @Test
    void fiftyConcurrentWritersOnOneSessionAreAllAnswered2xxAndCounted() throws Exception {
        if (!serverSideStorage()) {
            return; // signed cookies: each response carries its own cookie, the last one wins (documented)
        }
        client.postJson("/api/session", Map.of("count", 0));
        ContendedCounter.Result result = ContendedCounter.run(server.uri(), client.cookie("sessionid"),
                150, 50);
        System.out.println("[contention] " + server.engineName() + " " + getClass().getSimpleName() + ": "
                + result);
        assertThat(result.failures()).as(result.toString()).isZero();
        assertThat(client.get("/api/session").json().get("data").get("count").asLong())
                .isEqualTo(result.successes());
    }

    @Test
    void loginCyclesTheKeyKeepsTheDataAndLogoutFlushes() {
        assertThat(client.get("/api/whoami").json().get("authenticated").asBoolean()).isFalse();
        client.postJson("/api/session", Map.of("cart", List.of(1)));
        String anonymousKey = client.cookie("sessionid");

        TestClient.Response wrong = client.postJson("/api/login", Map.of("username", "alice", "password",
                "bob"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("Wrong username or password");

        TestClient.Response login = client.postJson("/api/login", Map.of("username", "alice", "password",
                "alice"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("username").asText()).isEqualTo("alice");
        if (serverSideStorage()) {
            assertThat(client.cookie("sessionid")).isNotEqualTo(anonymousKey);
        }
        JsonNode whoami = client.get("/api/whoami").json();
        assertThat(whoami.get("authenticated").asBoolean()).isTrue();
        assertThat(whoami.get("username").asText()).isEqualTo("alice");
        JsonNode data = client.get("/api/session").json().get("data");
        assertThat(data.get("cart").toString()).isEqualTo("[1]");
        assertThat(data.get("_auth_user_id").asText()).isEqualTo("1");
        assertThat(data.get("_auth_user_hash").asText()).hasSize(64);

        TestClient.Response logout = client.post("/api/logout");
        assertThat(logout.json().get("authenticated").asBoolean()).isFalse();
        assertThat(client.get("/api/whoami").json().get("authenticated").asBoolean()).isFalse();
        assertThat(client.get("/api/session").json().get("data").size()).isZero();
    }

    @Test
    void bodiesThatAreNotAJsonObjectAre400() {
        assertError(client.postJson("/api/session", "{not json"), 400, "not valid JSON");
        assertError(client.postJson("/api/session", "[1, 2]"), 400, "must be a JSON object");
        assertError(client.postJson("/api/session", "\"text\""), 400, "must be a JSON object");
        assertError(client.postJson("/api/session", "{} {}"), 400, "not valid JSON");
        assertError(client.postJson("/api/session", ""), 400, "empty");
        assertError(client.postJson("/api/session/expiry", "{\"seconds\": \"soon\"}"), 400, "whole number");
        assertError(client.postJson("/api/session/expiry", "{\"minutes\": 5}"), 400, "seconds");
        assertError(client.postJson("/api/login", "{\"username\": \"alice\"}"), 400, "password");
    }

    @Test
    void bodiesOver64KibAre400AndStoreNothing() {
        String big = "{\"blob\": \"x".repeat(64 * 1024) + "\"}";
        assertError(client.postJson("/api/session", big), 400, "over 65536 bytes");
        assertThat(client.get("/api/session").json().get("data").size()).isZero();
    }

    @Test
    void postsWithoutAJsonContentTypeAre415AndChangeNothing() {
        client.postJson("/api/session", Map.of("a", 1));
        TestClient.Response form = client.postForm("/api/session/flush", Map.of("x", "y"));
        assertError(form, 415, "Content-Type: application/json");
        assertThat(client.get("/api/session").json().get("data").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405InJson() {
        assertError(client.get("/api/nothing"), 404, "/api/nothing");
        assertError(client.delete("/api/ping"), 405, "DELETE");
        assertError(client.get("/api/login"), 405, "GET");
        assertError(client.post("/api/session/nothing"), 405, "POST");
    }

    private static void assertError(TestClient.Response response, int status, String text) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(response.json().get("error").asText()).contains(text);
    }

    JsonNode getWithCookie(String path, String sessionKey) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve(path)).header("Cookie",
                            "sessionid=" + sessionKey)
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            return new TestClient.Response(response.statusCode(), response.headers().map(), response.body())
                    .json();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
