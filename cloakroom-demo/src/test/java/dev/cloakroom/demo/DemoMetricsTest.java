package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} in Prometheus' text format and the home page's "Metrics" and "Events" panels. */
class DemoMetricsTest {

    private final SessionSettings settings = SessionSettings.builder().secretKey("metrics-demo-secret")
            .build();
    private DemoServer server;
    private TestClient browser;

    @BeforeEach
    void start() {
        server = DemoServer.start(MemoryEngine.create(), "memory", settings, 0);
        browser = new TestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Three visits to the counter: the first creates the session (the page's panel shows its key, so it is
     * stored at once) and saves the incremented count, the other two load and save.
     */
    @Test
    void metricsCountTheRequestsSessionWork() {
        browser.get("/counter");
        browser.get("/counter");
        browser.get("/counter");
        TestClient.Response metrics = new TestClient(server.uri()).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.header("Set-Cookie")).isEmpty();
        assertThat(metrics.body())
                .contains("cloakroom_session_creates_total{engine=\"memory\",outcome=\"success\"} 1.0")
                .contains("cloakroom_session_saves_total{engine=\"memory\",outcome=\"success\"} 3.0")
                .contains("cloakroom_session_loads_total{engine=\"memory\",outcome=\"hit\"} 2.0")
                .contains("cloakroom_session_events_total{event=\"created\"} 1.0")
                .contains("cloakroom_store_operation_seconds_count{engine=\"memory\",operation=\"save\"} 3")
                .contains("cloakroom_session_size_bytes_count{engine=\"memory\"} 4")
                .contains("# TYPE cloakroom_session_rejected_total counter");
    }

    @Test
    void theHomePageShowsTheMetricsLinkAndTheLatestEvents() {
        assertThat(browser.get("/").body()).contains("href=\"/metrics\"").contains("No session events yet.");
        browser.get("/counter");
        String key = browser.cookie("sessionid");
        String home = browser.get("/").body();
        assertThat(home).contains("<strong>1</strong> sessions created")
                .containsPattern("<li><code>\\d\\d:\\d\\d:\\d\\d created …" + key.substring(key.length() - 6)
                        + "</code></li>");
        TestClient stranger = new TestClient(server.uri());
        stranger.get("/counter");
        assertThat(browser.get("/").body()).contains("<strong>2</strong> sessions created");
    }

    @Test
    void aForgedCookieShowsAsAnExpiredOrUnknownSession() {
        browser.get("/counter");
        TestClient forger = new TestClient(server.uri());
        forger.getWithCookie("/counter", "sessionid=" + "f".repeat(32));
        assertThat(browser.get("/").body()).contains("expired or unknown …ffffff");
        assertThat(new TestClient(server.uri()).get("/metrics").body())
                .contains("cloakroom_session_events_total{event=\"expired\"} 1.0");
    }
}
