package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Expiry" page over real HTTP, on a clock the test moves: the policy, the session's creation time, its
 * expiry and the rule that sets it, and whether each request writes the session. The clock stands in the
 * future, so the cookies' {@code expires} lies ahead of the test client's own clock.
 */
class DemoExpiryTest {

    private static final Instant START = Instant.parse("2036-03-01T09:00:00Z");

    private final MutableClock clock = MutableClock.at(START);
    private final SessionSettings settings = SessionSettings.builder().secretKey("expiry-demo-secret")
            .clock(clock).idleTimeout(Duration.ofMinutes(30)).absoluteTimeout(Duration.ofHours(1))
            .touchAfter(Duration.ofMinutes(1)).build();
    private DemoServer server;
    private TestClient browser;

    @BeforeEach
    void start() {
        server = DemoServer.start(MemoryEngine.create(clock), "memory", settings, 0);
        browser = new TestClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String field(TestClient.Response page, String id) {
        String body = page.body();
        int start = body.indexOf("id=\"" + id + "\">");
        assertThat(start).as(id + " in " + body).isPositive();
        int from = start + id.length() + 6;
        return body.substring(from, body.indexOf("</dd>", from)).replace("&#39;", "'");
    }

    @Test
    void thePageShowsThePolicyAndTheVariablesThatChangeIt() {
        TestClient.Response page = browser.get("/expiry");
        assertThat(page.status()).isEqualTo(200);
        assertThat(field(page, "policy-idle")).isEqualTo("30 minutes");
        assertThat(field(page, "policy-absolute")).isEqualTo("1 hour");
        assertThat(field(page, "policy-touch")).startsWith("1 minute:");
        assertThat(page.body()).contains("<code>CLOAKROOM_IDLE_TIMEOUT</code>")
                .contains("<code>CLOAKROOM_ABSOLUTE_TIMEOUT</code>")
                .contains("<code>CLOAKROOM_TOUCH_AFTER</code>");
        assertThat(browser.get("/").body()).contains("href=\"/expiry\"")
                .contains("Idle timeout <strong>30 minutes</strong>, lifetime <strong>1 hour</strong>");
    }

    @Test
    void aNewSessionIsWrittenThenReadsWriteOnlyWhenTheTouchIsDue() {
        TestClient.Response first = browser.get("/expiry");
        assertThat(field(first, "expiry-created")).isEqualTo("now: this request stores it");
        assertThat(field(first, "expiry-write")).startsWith("Yes: this request changed the session");
        assertThat(field(first, "expiry-at")).isEqualTo("2036-03-01 09:30:00 UTC (in 30 minutes)");
        assertThat(field(first, "expiry-reason")).startsWith("the idle timeout: 30 minutes");
        assertThat(first.setCookies()).singleElement().asString().contains("Max-Age=1800");

        clock.advance(Duration.ofSeconds(30));
        TestClient.Response read = browser.get("/expiry");
        assertThat(field(read, "expiry-created")).isEqualTo("2036-03-01 09:00:00 UTC");
        assertThat(field(read, "expiry-write")).startsWith("No: this request only read the session and the "
                + "touch is not due");
        assertThat(read.setCookies()).as("nothing saved").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        TestClient.Response touched = browser.get("/expiry");
        assertThat(field(touched, "expiry-write")).startsWith("Yes, a touch: nothing changed");
        assertThat(field(touched, "expiry-at")).isEqualTo("2036-03-01 09:31:01 UTC (in 30 minutes)");
        assertThat(touched.setCookies()).as("the touch re-issues the cookie").singleElement().asString()
                .contains("Max-Age=1800");
    }

    @Test
    void nearTheEndOfItsLifetimeTheAbsoluteLimitDecides() {
        browser.get("/expiry");
        clock.advance(Duration.ofMinutes(20));
        browser.get("/counter");
        clock.advance(Duration.ofMinutes(20));
        TestClient.Response page = browser.get("/expiry");
        assertThat(field(page, "expiry-created")).isEqualTo("2036-03-01 09:00:00 UTC");
        assertThat(field(page, "expiry-at")).isEqualTo("2036-03-01 10:00:00 UTC (in 20 minutes)");
        assertThat(field(page, "expiry-reason"))
                .isEqualTo("the absolute lifetime: 1 hour after it was created, however active");

        clock.advance(Duration.ofMinutes(21));
        TestClient.Response after = browser.get("/expiry");
        assertThat(field(after, "expiry-created")).as("a new session")
                .isEqualTo("now: this request stores it");
    }

    @Test
    void withoutAPolicyDjangosCookieAgeDecidesAndReadsNeverWrite() {
        server.close();
        server = DemoServer.start(MemoryEngine.create(clock), "memory",
                SessionSettings.builder().secretKey("expiry-demo-secret").clock(clock).build(), 0);
        browser = new TestClient(server.uri());
        browser.get("/expiry");
        TestClient.Response page = browser.get("/expiry");
        assertThat(field(page, "policy-idle")).isEqualTo("off");
        assertThat(field(page, "expiry-reason")).startsWith("Django's expiry: the cookie age (14 days)");
        assertThat(field(page, "expiry-write"))
                .startsWith("No: this request only read the session (without an idle timeout");
    }
}
