package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The idle timeout, the absolute lifetime and throttled touches, through the middleware. */
class ExpiryPolicyMiddlewareTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final Pattern COOKIE = Pattern.compile("^sessionid=([a-z0-9]{32});.*Max-Age=(\\d+);");

    private final MutableClock clock = MutableClock.at(NOW);
    private final CountingEngine engine = CountingEngine.wrap(MemoryEngine.create(clock));
    private final SessionSettings settings = SessionSettings.builder().secretKey("expiry-policy-secret")
            .clock(clock).idleTimeout(Duration.ofMinutes(30)).absoluteTimeout(Duration.ofHours(8))
            .touchAfter(Duration.ofMinutes(1)).build();
    private final SessionMiddleware middleware = new SessionMiddleware(engine, settings);

    /** One request that reads {@code cart}, and writes {@code write} unless it is empty. */
    private FakeExchange request(String key, String write) {
        FakeExchange exchange = key.isEmpty() ? FakeExchange.request()
                : FakeExchange.request().cookie("sessionid", key);
        Session session = middleware.open(exchange);
        session.get("cart");
        if (!write.isEmpty()) {
            session.put("cart", write);
        }
        middleware.finish(exchange, session);
        return exchange;
    }

    private static Matcher cookie(FakeExchange exchange) {
        Matcher m = COOKIE.matcher(exchange.setCookies().get(0));
        assertThat(m.find()).as(exchange.setCookies().get(0)).isTrue();
        return m;
    }

    private Map<String, Object> stored(String key) {
        return SessionCodec.of(settings).decode(engine.load(key).orElseThrow().data());
    }

    @Test
    void newSessionKeepsItsCreationTimeAndExpiresAfterTheIdleTimeout() {
        Matcher set = cookie(request("", "apple"));
        String key = set.group(1);
        assertThat(set.group(2)).isEqualTo("1800");
        assertThat(((Number) stored(key).get(Session.CREATED_KEY)).longValue())
                .isEqualTo(NOW.getEpochSecond());
        assertThat(engine.load(key).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void readsTouchAtMostOncePerIntervalWithOneReadEach() {
        String key = cookie(request("", "apple")).group(1);
        engine.reads.set(0);
        engine.writes.set(0);
        int touches = 0;
        for (int i = 0; i < 60; i++) { // a read every 10 seconds for 10 minutes
            clock.advance(Duration.ofSeconds(10));
            FakeExchange exchange = request(key, "");
            if (!exchange.setCookies().isEmpty()) {
                touches++;
                assertThat(cookie(exchange).group(2)).isEqualTo("1800");
            }
        }
        assertThat(engine.reads).hasValue(60);
        assertThat(engine.writes).hasValue(10);
        assertThat(touches).isEqualTo(10);
    }

    @Test
    void aWriteSavesWhateverTheInterval() {
        String key = cookie(request("", "apple")).group(1);
        engine.writes.set(0);
        clock.advance(Duration.ofSeconds(5));
        request(key, "pear");
        assertThat(engine.writes).hasValue(1);
    }

    @Test
    void anIdleSessionExpires() {
        String key = cookie(request("", "apple")).group(1);
        clock.advance(Duration.ofMinutes(29));
        request(key, "");
        clock.advance(Duration.ofMinutes(29)); // touched at 29 minutes: alive
        Session alive = middleware.open(FakeExchange.request().cookie("sessionid", key));
        assertThat(alive.get("cart")).isEqualTo("apple");
        clock.advance(Duration.ofMinutes(31)); // not touched by the last open: 60 minutes idle
        Session gone = middleware.open(FakeExchange.request().cookie("sessionid", key));
        assertThat(gone.get("cart")).isNull();
    }

    @Test
    void theAbsoluteLifetimeCapsTheCookieAndEndsTheSession() {
        String key = cookie(request("", "apple")).group(1);
        for (int i = 0; i < 31; i++) { // active every 15 minutes for 7 h 45 min
            clock.advance(Duration.ofMinutes(15));
            request(key, "");
        }
        assertThat(engine.load(key).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        clock.advance(Duration.ofMinutes(5));
        Matcher nearTheEnd = cookie(request(key, "pear"));
        assertThat(nearTheEnd.group(1)).isEqualTo(key);
        assertThat(nearTheEnd.group(2)).isEqualTo("600");
        clock.advance(Duration.ofMinutes(10));
        String newKey = cookie(request(key, "plum")).group(1);
        assertThat(newKey).isNotEqualTo(key);
        Map<String, Object> fresh = stored(newKey);
        assertThat(fresh).containsEntry("cart", "plum");
        assertThat(((Number) fresh.get(Session.CREATED_KEY)).longValue())
                .isEqualTo(clock.instant().getEpochSecond());
    }
}
