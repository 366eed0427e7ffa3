package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON API without cookies, over real HTTP: under {@code /token-api/} the session key travels in
 * {@code X-Session-Token}, and no cookie is ever set there, while {@code /api/} and the pages keep the
 * cookie.
 */
class DemoTokenApiTest {

    private static final String TOKEN = "X-Session-Token";

    private DemoServer server;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        Path directory = Files.createTempDirectory("cloakroom-demo-token");
        server = DemoServer.start(DemoSettings.read(Map.of("CLOAKROOM_ENGINE", "memory",
                "CLOAKROOM_PORT", "0", "CLOAKROOM_SECRET_KEY", "token-api-test-secret"), Map.of(),
                directory));
        client = new TestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClient.Response counter(Map<String, String> headers) {
        TestClient.Response response = client.postJson("/token-api/counter", "{}", headers);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.setCookies()).isEmpty();
        return response;
    }

    @Test
    void aSessionCreatedWithoutAHeaderHandsOutItsTokenAndTheTokenKeepsTheCounter() {
        TestClient.Response first = counter(Map.of());
        assertThat(first.json().get("count").asLong()).isEqualTo(1);
        String token = first.header(TOKEN).orElseThrow();
        assertThat(token).hasSize(32);
        assertThat(first.header("Vary")).hasValue(TOKEN);

        TestClient.Response second = counter(Map.of(TOKEN, token));
        assertThat(second.json().get("count").asLong()).isEqualTo(2);
        TestClient.Response read = client.get("/token-api/session", Map.of(TOKEN, token));
        assertThat(read.json().get("session_key").asText()).isEqualTo(token);
        assertThat(read.json().get("data").get("count").asLong()).isEqualTo(2);
        assertThat(read.header(TOKEN)).isEmpty();
        assertThat(read.setCookies()).isEmpty();

        assertThat(counter(Map.of()).json().get("count").asLong()).as("no token: a new session").isEqualTo(1);
        assertThat(client.cookie("sessionid")).isNull();
    }

    @Test
    void theCookieNeverChoosesTheSessionOnTheTokenApiAndTheTokenNeverWorksAsACookie() {
        client.post("/api/counter");
        client.post("/api/counter");
        String cookie = client.cookie("sessionid");
        assertThat(cookie).isNotNull();

        TestClient.Response withCookieOnly = counter(Map.of());
        assertThat(withCookieOnly.json().get("count").asLong()).isEqualTo(1);
        String token = withCookieOnly.header(TOKEN).orElseThrow();
        assertThat(token).isNotEqualTo(cookie);
        assertThat(client.post("/api/counter").json().get("count").asLong()).isEqualTo(3);
        assertThat(client.cookie("sessionid")).isEqualTo(cookie);
        assertThat(counter(Map.of(TOKEN, token)).json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void loginGivesANewTokenAndLogoutTellsTheClientToDropIt() {
        String anonymous = counter(Map.of()).header(TOKEN).orElseThrow();
        TestClient.Response login = client.postJson("/token-api/login",
                "{\"username\": \"alice\", \"password\": \"alice\"}", Map.of(TOKEN, anonymous));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.setCookies()).isEmpty();
        String token = login.header(TOKEN).orElseThrow();
        assertThat(token).isNotEqualTo(anonymous).hasSize(32);
        assertThat(client.get("/token-api/whoami", Map.of(TOKEN, token)).json().get("username").asText())
                .isEqualTo("alice");
        assertThat(client.get("/token-api/whoami", Map.of(TOKEN, anonymous)).json().get("authenticated")
                .asBoolean()).isFalse();

        TestClient.Response logout = client.postJson("/token-api/logout", "{}", Map.of(TOKEN, token));
        assertThat(logout.header(TOKEN)).hasValue("");
        assertThat(logout.setCookies()).isEmpty();
        assertThat(client.get("/token-api/whoami", Map.of(TOKEN, token)).json().get("authenticated")
                .asBoolean()).isFalse();
    }

    @Test
    void theTokenApiAnswersErrorsInJsonLikeTheApi() {
        TestClient.Response unknown = client.get("/token-api/nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("/token-api/nothing");
        assertThat(client.get("/token-api/ping").json().get("ok").asBoolean()).isTrue();
        TestClient.Response form = client.postForm("/token-api/counter", Map.of("x", "y"));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.setCookies()).isEmpty();
    }

    @Test
    void thePageShowsTheCurlCommandsForThisServer() {
        String page = client.get("/no-cookies").body();
        String api = server.uri().resolve("/token-api").toString();
        assertThat(page).contains("<h1>API without cookies</h1>")
                .contains("curl -si -X POST " + api + "/counter -H 'Content-Type: application/json'")
                .contains("-H \"X-Session-Token: $TOKEN\"")
                .contains("sed -n 's/^X-Session-Token: //Ip'")
                .doesNotContain("id=\"token-changes\"");
        assertThat(client.get("/").body()).contains("href=\"/no-cookies\"");
    }
}
