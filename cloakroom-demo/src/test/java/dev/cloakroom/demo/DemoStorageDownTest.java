package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.testkit.FailingEngine;
import dev.cloakroom.engine.MemoryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo while its storage is down: every page and API call that needs the session answers 503 with
 * {@code Retry-After} (JSON on the API, plain text on pages), naming no server, table, key or class, after
 * one storage call; and an unexpected exception shows no message either.
 */
class DemoStorageDownTest {

    private static final String INTERNALS = "PostgreSQL at db-7.internal:5432, table django_session";

    /** The memory engine, failing on demand; counts the calls that reach it. */
    private final FailingEngine engine = new FailingEngine(MemoryEngine.create());
    private DemoServer server;
    private TestClient browser;

    @BeforeEach
    void start() {
        SessionSettings settings = SessionSettings.builder().secretKey("down-test-secret").build();
        server = DemoServer.start(engine, "db", settings, 0);
        browser = new TestClient(server.uri());
        assertThat(browser.post("/api/counter").status()).isEqualTo(200); // a session exists, with its cookie
        engine.calls.set(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void down() {
        SessionStorageException timeout = new SessionStorageException(INTERNALS
                + " timed out while loading session …" + browser.cookie("sessionid").substring(28),
                new IllegalStateException("HikariPool-1 exhausted"));
        engine.failWith(() -> timeout);
    }

    private static void assertNoInternals(TestClient.Response response) {
        assertThat(response.body()).doesNotContain("db-7", "5432", "django_session", "Exception", "Hikari",
                "…", "dev.cloakroom", "java.");
    }

    @Test
    void apiCallsAnswer503InJsonWithRetryAfterAfterOneStorageCall() {
        down();
        String[] paths = {"/api/counter", "/api/session", "/api/session/cycle", "/api/logout"};
        for (String path : paths) {
            engine.calls.set(0);
            TestClient.Response response = path.equals("/api/session")
                    ? browser.get(path)
                    : browser.post(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.header("Retry-After")).as(path).hasValue("5");
            assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/json"));
            assertThat(response.json().get("error").asText()).contains("unavailable");
            assertNoInternals(response);
            assertThat(engine.calls).as(path).hasValue(1);
        }
    }

    @Test
    void pagesAnswer503InPlainTextWithRetryAfterAfterOneStorageCall() {
        down();
        for (String path : new String[] {"/counter", "/", "/cart", "/preferences", "/register", "/login"}) {
            engine.calls.set(0);
            TestClient.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.header("Retry-After")).as(path).hasValue("5");
            assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/plain"));
            assertThat(response.body()).isEqualTo("The session storage is unavailable; try again later.");
            assertNoInternals(response);
            assertThat(engine.calls).as(path).hasValue(1);
        }
    }

    @Test
    void theCountComesBackWhenTheStorageDoes() {
        down();
        assertThat(browser.post("/api/counter").status()).isEqualTo(503);
        engine.recover();
        assertThat(browser.post("/api/counter").json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void anUnexpectedExceptionShowsNoMessageOnPagesOrTheApi() {
        IllegalStateException confused = new IllegalStateException(INTERNALS + " is confused");
        engine.failWith(() -> confused);
        TestClient.Response page = browser.get("/counter");
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.body()).isEqualTo("500 Server Error\n");
        TestClient.Response api = browser.post("/api/counter");
        assertThat(api.status()).isEqualTo(500);
        assertNoInternals(api);
        assertNoInternals(page);
    }
}
