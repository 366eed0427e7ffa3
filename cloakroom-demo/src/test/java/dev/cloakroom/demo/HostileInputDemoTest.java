package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.SecurityLog;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client sends the demo, over real HTTP: open redirects through {@code next}, reserved
 * session names through the API, CSRF-free form posts through paths that only look like the API, bodies
 * nested too deep, and stored expiries Django's own code would choke on.
 */
class HostileInputDemoTest {

    private final SessionSettings settings =
            SessionSettings.builder().secretKey("hostile-test-secret").build();
    private final MemoryEngine engine = MemoryEngine.create();
    private DemoServer server;
    private TestClient browser;

    @BeforeEach
    void start() {
        server = DemoServer.start(engine, "memory", settings, 0);
        browser = new TestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClient.Response logIn(String page, String next) {
        Map<String, String> form = new HashMap<>(Map.of("username", "alice", "password", "alice",
                "next", next));
        form.put("csrfmiddlewaretoken", browser.csrfToken(page));
        return browser.postForm("/login", form);
    }

    private boolean loggedIn() {
        return browser.get("/api/whoami").json().get("authenticated").asBoolean();
    }

    // ------------------------------------------------------------ open redirect

    @Test
    void nextCanOnlyLeadToAPathOnThisSiteAsBrowsersReadIt() {
        List<String> elsewhere = List.of("/\t/evil.example", "/\\evil.example", "\\\\evil.example",
                "//evil.example", "///evil.example", "https://evil.example/", "http:evil.example",
                "javascript:alert(1)", "\t//evil.example", "/\r\n/evil.example", "/\n/evil.example",
                " //evil.example", "/\u0000/evil.example", "\u0008//evil.example", "/\\/evil.example",
                "evil.example");
        for (String next : elsewhere) {
            browser.clearCookies();
            String page = "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            assertThat(browser.get(page).body()).as(next).doesNotContain("evil.example");
            TestClient.Response login = logIn(page, next);
            assertThat(login.status()).as(next).isEqualTo(303);
            assertThat(login.header("Location")).as(next).hasValue("/");
        }
    }

    @Test
    void aTabBetweenTwoSlashesInTheQueryGoesHome() {
        String page = "/login?next=/%09/evil.example";
        TestClient.Response login = logIn(page, "/\t/evil.example");
        assertThat(login.header("Location")).hasValue("/");
    }

    @Test
    void localPathsAreKept() {
        for (String next : List.of("/cart", "/sessions?tab=all#top", "/register/step/2")) {
            browser.clearCookies();
            String page = "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            TestClient.Response login = logIn(page, next);
            assertThat(login.header("Location")).as(next).hasValue(next);
        }
    }

    // ------------------------------------------------------------ reserved names and the user index

    @Test
    void theApiRefusesNamesStartingWithAnUnderscoreAndStoresNothing() {
        browser.postJson("/api/session", Map.of("kept", 1));
        List<String> bodies = List.of("{\"_auth_user_id\": \"1\"}",
                "{\"_auth_user_hash\": \"" + "0".repeat(64) + "\"}",
                "{\"ok\": 1, \"_session_expiry\": 1e308}", "{\"_session_expiry\": []}",
                "{\"_csrftoken\": \"x\"}", "{\"_messages\": \"x\"}");
        for (String body : bodies) {
            TestClient.Response response = browser.postJson("/api/session", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("error").asText()).as(body).contains("reserved");
        }
        TestClient.Response delete = browser.delete("/api/session/_auth_user_id");
        assertThat(delete.status()).isEqualTo(400);
        JsonNode data = browser.get("/api/session").json().get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("kept");
    }

    @Test
    void nobodyCanPlantASessionInAnotherUsersList() {
        TestClient alice = new TestClient(server.uri());
        assertThat(alice.postJson("/api/login", Map.of("username", "alice", "password", "alice")).status())
                .isEqualTo(200);
        assertThat(UserSessions.sessionsOf(engine, "1")).hasSize(1);

        TestClient mallory = new TestClient(server.uri());
        mallory.postJson("/api/session", Map.of("cart", 1));
        assertThat(mallory.postJson("/api/session", Map.of("_auth_user_id", "1")).status()).isEqualTo(400);
        mallory.post("/api/counter");

        assertThat(UserSessions.sessionsOf(engine, "1")).extracting(s -> s.key())
                .containsExactly(alice.cookie("sessionid"));
        assertThat(alice.get("/sessions").body()).doesNotContain(mallory.cookie("sessionid")
                .substring(26));
    }

    // ------------------------------------------------------------ CSRF on normalised paths

    @Test
    void formPostsThroughPathsThatOnlyLookLikeTheApiStillNeedTheCsrfToken() {
        assertThat(logIn("/login", "/").status()).isEqualTo(303);
        assertThat(loggedIn()).isTrue();
        for (String path : List.of("/api/../logout", "/api/%2e%2e/logout", "/api/%2E%2E/logout",
                "/api/.%2e/logout", "/api//../logout", "/api/..;/logout", "/api;x=1/../logout",
                "/api/ping/../../logout", "/api/..%2flogout", "/api%2f..%2flogout")) {
            TestClient.Response response = browser.postFormToRawPath(path, Map.of("x", "y"));
            assertThat(response.status()).as(path).isIn(400, 403, 404, 405, 415);
            assertThat(loggedIn()).as("still logged in after POST " + path).isTrue();
        }
        assertThat(browser.postFormToRawPath("/logout", Map.of("x", "y")).status()).isEqualTo(403);
        assertThat(loggedIn()).isTrue();
    }

    @Test
    void theApiItselfStaysReachableThroughANormalisedPath() {
        TestClient.Response response = browser.postJson("/api/session", Map.of("a", 1));
        assertThat(response.status()).isEqualTo(200);
    }

    // ------------------------------------------------------------ bodies and stored expiries

    @Test
    void bodiesNestedTooDeepOrWithHugeNumbersAre400WithAOneLineReason() {
        String deep = "{\"a\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        String justTooDeep = "{\"a\": " + "[".repeat(32) + "]".repeat(32) + "}";
        String hugeNumber = "{\"a\": " + "9".repeat(1000) + "}";
        for (String body : List.of(deep, justTooDeep, hugeNumber)) {
            TestClient.Response response = browser.postJson("/api/session", body);
            assertThat(response.status()).as(body.substring(0, 20)).isEqualTo(400);
            assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/json"));
            assertThat(response.body()).doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("StreamReadConstraints");
            assertThat(response.json().get("error").asText()).containsAnyOf("nested deeper", "longer than");
        }
        String fine = "{\"a\": " + "[".repeat(31) + "]".repeat(31) + "}";
        assertThat(browser.postJson("/api/session", fine).status()).isEqualTo(200);
        assertThat(browser.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void aStoredExpiryDjangosCodeWouldFailOnReadsAsTheDefaultWithOneWarning() {
        List<Object> unusable = List.of(1e308, BigInteger.TWO.pow(63), BigInteger.TWO.pow(63).negate(),
                List.of(), Map.of(), "soon");
        for (Object value : unusable) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("foo", "bar");
            data.put(Session.EXPIRY_KEY, value);
            String key = "hostile" + Long.toString(System.nanoTime(), 36) + "abcdefgh";
            engine.create(new StoredSession(key, SessionCodec.of(settings).encode(data),
                    settings.clock().instant().plusSeconds(600), null));
            TestClient client = new TestClient(server.uri());
            try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
                JsonNode view = getWithCookie(client, key);
                assertThat(view.get("data").get("foo").asText()).as("%s", value).isEqualTo("bar");
                assertThat(view.get("expiry_age").asLong()).as("%s", value).isEqualTo(1_209_600L);
                assertThat(view.get("expire_at_browser_close").asBoolean()).as("%s", value).isFalse();
                assertThat(log.lines()).as("%s", value).singleElement().asString().startsWith("WARN ")
                        .contains(Session.EXPIRY_KEY);
            }
        }
    }

    private JsonNode getWithCookie(TestClient client, String key) {
        TestClient.Response response = client.getWithCookie("/api/session", "sessionid=" + key);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
