package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML pages over real HTTP, on the memory engine: forms, CSRF, flash messages, the panel. */
class DemoPagesTest {

    private final SessionSettings settings = SessionSettings.builder().secretKey("pages-test-secret").build();
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

    private TestClient.Response submit(String page, String action, Map<String, String> fields) {
        return browser.submit(page, action, fields);
    }

    @Test
    void everyPageShowsThePanelAndTheCounterCounts() {
        TestClient.Response first = browser.get("/counter");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(first.body()).contains("<strong id=\"count\">1</strong> time.")
                .contains("id=\"panel-engine\">memory<").contains("id=\"session-panel\"");
        String key = browser.cookie("sessionid");
        TestClient.Response second = browser.get("/counter");
        assertThat(second.body()).contains("<strong id=\"count\">2</strong> times.")
                .contains("id=\"panel-key\">…" + key.substring(key.length() - 6) + "<")
                .containsPattern("id=\"panel-expiry\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(in 14 "
                + "days\\)");
        assertThat(second.header("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'none'"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        browser.get("/cart");
        TestClient.Response response = browser.postForm("/cart/add", Map.of("product", "hat"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
    }

    @Test
    void theCartAddsRemovesAndTotals() {
        submit("/cart", "/cart/add", Map.of("product", "hat"));
        submit("/cart", "/cart/add", Map.of("product", "hat"));
        TestClient.Response added = submit("/cart", "/cart/add", Map.of("product", "umbrella"));
        assertThat(added.status()).isEqualTo(303);
        assertThat(added.header("Location")).hasValue("/cart");
        String page = browser.get("/cart").body();
        assertThat(page).containsPattern("id=\"line-hat\"><td>Felt hat</td><td class=\"num qty\">2</td>")
                .contains("id=\"cart-total\">€84.50<");
        submit("/cart", "/cart/remove", Map.of("product", "hat"));
        assertThat(browser.get("/cart").body()).contains("id=\"cart-total\">€49.50<");
        TestClient.Response unknown = submit("/cart", "/cart/add", Map.of("product", "piano"));
        assertThat(unknown.status()).isEqualTo(303);
        assertThat(browser.get("/cart").body()).contains("There is no such product.");
    }

    @Test
    void preferencesChangeTheThemeOfEveryPageAndTheLanguage() {
        assertThat(browser.get("/").body()).contains("<body class=\"theme-light\">");
        submit("/preferences", "/preferences", Map.of("theme", "dark", "language", "fr"));
        String page = browser.get("/counter").body();
        assertThat(page).contains("<body class=\"theme-dark\">").contains("<html lang=\"fr\">")
                .contains(">Panier<")
                .contains("Preferences saved.");
        assertThat(browser.get("/preferences").body()).doesNotContain("Preferences saved.")
                .contains("value=\"fr\" selected");
    }

    @Test
    void theWizardGoesBackAndForthAndResumes() {
        TestClient.Response invalid = submit("/register", "/register", Map.of("action", "next", "name", "Ann",
                "email", "not-an-address"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Enter an e-mail address");
        submit("/register", "/register", Map.of("action", "next", "name", "Ann", "email", "ann@example.com"));
        assertThat(browser.get("/register").body()).contains("id=\"wizard-step-2\"")
                .contains("you are at step 2 of 3");
        submit("/register", "/register", Map.of("action", "back", "plan", "team"));
        assertThat(browser.get("/register").body()).contains("id=\"wizard-step-1\"")
                .contains("value=\"Ann\"");
        submit("/register", "/register", Map.of("action", "next", "name", "Ann", "email", "ann@example.com"));
        submit("/register", "/register", Map.of("action", "next", "plan", "pro", "newsletter", "on"));
        assertThat(browser.get("/").body()).contains("Unfinished: resume at step 3 of 3.");
        String review = browser.get("/register").body();
        assertThat(review).contains("id=\"review-name\">Ann<").contains("id=\"review-plan\">pro<");
        TestClient.Response done = submit("/register", "/register", Map.of("action", "finish"));
        assertThat(done.header("Location")).hasValue("/");
        assertThat(browser.get("/").body()).contains("Welcome aboard, Ann! Your registration is complete.")
                .contains("Registered as <strong>Ann</strong>.");
    }

    @Test
    void loginShowsAFlashYourSessionsSignsOutOthersAndLogoutFlushes() {
        TestClient.Response wrong = submit("/login", "/login", Map.of("username", "alice", "password",
                "nope"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Wrong username or password.");

        TestClient other = new TestClient(server.uri());
        TestClient me = browser;
        browser = other;
        submit("/login", "/login", Map.of("username", "alice", "password", "alice"));
        browser = me;

        submit("/login", "/login", Map.of("username", "alice", "password", "alice", "next", "/sessions"));
        String sessions = browser.get("/sessions").body();
        assertThat(sessions).contains("Welcome back, alice!").contains("this browser")
                .contains("id=\"revoke-others\"");
        assertThat(Pattern.compile("<tr").matcher(sessions).results().count()).isEqualTo(3);

        submit("/sessions", "/sessions/revoke-others", Map.of());
        assertThat(browser.get("/sessions").body()).contains("Signed out 1 other session.");
        assertThat(other.get("/").body()).doesNotContain("id=\"who\"");

        TestClient.Response logout = submit("/", "/logout", Map.of());
        assertThat(logout.status()).isEqualTo(303);
        String home = browser.get("/").body();
        assertThat(home).contains("You have been logged out.").doesNotContain("id=\"who\"");
    }

    @Test
    void theContactFormThanksForTheFeedback() {
        TestClient.Response empty = submit("/contact", "/contact", Map.of("message", ""));
        assertThat(empty.status()).isEqualTo(400);
        TestClient.Response sent = submit("/contact", "/contact", Map.of("name", "Zoë", "message",
                "Nice <b>demo</b>"));
        assertThat(sent.status()).isEqualTo(303);
        String page = browser.get("/contact").body();
        assertThat(page).contains("<li class=\"message success\">Thank you for the feedback!</li>");
        assertThat(browser.get("/contact").body()).doesNotContain("Thank you for the feedback!");
    }

    @Test
    void unknownPagesAre404AndStaticFilesAreServed() {
        TestClient.Response missing = browser.get("/nowhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is nothing at <code>/nowhere</code>");
        TestClient.Response css = browser.get("/static/style.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).hasValue("text/css;charset=utf-8");
        assertThat(browser.get("/static/../templates/home.mustache").status()).isEqualTo(404);
    }

    @Test
    void yourSessionsMarksThisBrowserAndSignsOutOthersWhenKeysAreHashedAtRest(@TempDir Path directory) {
        server.close();
        JdbcEngine hashing = JdbcEngine.builder("jdbc:sqlite:" + directory.resolve("sessions.sqlite3"))
                .userColumn().hashKeys(true).build();
        server = DemoServer.start(hashing, "db", settings, 0);
        TestClient other = new TestClient(server.uri());
        browser = other;
        submit("/login", "/login", Map.of("username", "alice", "password", "alice"));
        browser = new TestClient(server.uri());
        submit("/login", "/login", Map.of("username", "alice", "password", "alice"));

        String sessions = browser.get("/sessions").body();
        assertThat(Pattern.compile("this browser").matcher(sessions).results().count()).isOne();
        submit("/sessions", "/sessions/revoke-others", Map.of());
        assertThat(browser.get("/sessions").body()).contains("Signed out 1 other session.")
                .contains("this browser");
        assertThat(other.get("/").body()).doesNotContain("id=\"who\"");
        hashing.close();
    }

    @Test
    void yourSessionsExplainsWhenTheEngineCannotListThem() {
        server.close();
        server = DemoServer.start(SignedCookieEngine.create(settings), "signed_cookies", settings, 0);
        browser = new TestClient(server.uri());
        submit("/login", "/login", Map.of("username", "bob", "password", "bob"));
        assertThat(browser.get("/sessions").body()).contains("id=\"sessions-unsupported\"")
                .contains("The <code>signed_cookies</code> engine does not index sessions by user");
    }
}
