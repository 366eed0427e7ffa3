package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSettingsBuilder;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The middleware's key rules (lazy, server-made keys, no fixation, removal on flush) run once with the key
 * in the cookie and once with it in the {@code X-Session-Token} header; then what only the header does.
 */
class SessionTransportTest {

    private static final String HEADER = "X-Session-Token";
    private static final Pattern COOKIE_KEY = Pattern.compile("^sessionid=([^;\"]+);");

    /** Where the key travels, and how a test reads what the response told the client. */
    enum Transport {
        COOKIE {
            @Override
            SessionSettingsBuilder configure(SessionSettingsBuilder builder) {
                return builder;
            }

            @Override
            FakeExchange carrying(String key) {
                return FakeExchange.request().cookie("sessionid", key);
            }

            @Override
            @Nullable String issued(FakeExchange exchange) {
                List<String> cookies = exchange.setCookies();
                if (cookies.isEmpty()) {
                    return null;
                }
                Matcher m = COOKIE_KEY.matcher(cookies.get(0));
                return m.find() ? m.group(1) : null;
            }

            @Override
            boolean removed(FakeExchange exchange) {
                List<String> cookies = exchange.setCookies();
                return cookies.size() == 1 && cookies.get(0).startsWith("sessionid=\"\";");
            }

            @Override
            String vary() {
                return "Cookie";
            }
        },
        HEADER {
            @Override
            SessionSettingsBuilder configure(SessionSettingsBuilder builder) {
                return builder.sessionHeader(SessionTransportTest.HEADER);
            }

            @Override
            FakeExchange carrying(String key) {
                return FakeExchange.request().requestHeader(SessionTransportTest.HEADER, key);
            }

            @Override
            @Nullable String issued(FakeExchange exchange) {
                assertThat(exchange.setCookies()).as("no cookie when the key is in a header").isEmpty();
                List<String> values = exchange.headers(SessionTransportTest.HEADER);
                assertThat(values).hasSizeLessThanOrEqualTo(1);
                return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
            }

            @Override
            boolean removed(FakeExchange exchange) {
                assertThat(exchange.setCookies()).isEmpty();
                return exchange.headers(SessionTransportTest.HEADER).equals(List.of(""));
            }

            @Override
            String vary() {
                return SessionTransportTest.HEADER;
            }
        };

        abstract SessionSettingsBuilder configure(SessionSettingsBuilder builder);

        abstract FakeExchange carrying(String key);

        /** The key the response hands the client, or {@code null} if it hands none. */
        abstract @Nullable String issued(FakeExchange exchange);

        /** Whether the response tells the client to drop its key, and nothing else about the key. */
        abstract boolean removed(FakeExchange exchange);

        abstract String vary();
    }

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T01:39:53Z"));
    private final CountingEngine engine = CountingEngine.wrap(MemoryEngine.create(clock));

    private SessionSettings settings(Transport transport) {
        return transport.configure(SessionSettings.builder().secretKey("transport-test-secret").clock(clock))
                .build();
    }

    private SessionMiddleware middleware(Transport transport) {
        return new SessionMiddleware(engine, settings(transport));
    }

    private static Outcome run(SessionMiddleware middleware, FakeExchange exchange, Consumer<Session> view) {
        Session session = middleware.open(exchange);
        view.accept(session);
        return middleware.finish(exchange, session);
    }

    /** Stores a session through one request and returns the key handed to the client. */
    private String existingSession(Transport transport) {
        FakeExchange exchange = FakeExchange.request();
        run(middleware(transport), exchange, s -> s.put("count", 1));
        String key = transport.issued(exchange);
        assertThat(key).isNotNull();
        engine.reads.set(0);
        engine.writes.set(0);
        return key;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void newSessionHandsTheClientAServerMadeKey(Transport transport) {
        FakeExchange exchange = FakeExchange.request();
        assertThat(run(middleware(transport), exchange, s -> s.put("a", 1))).isEqualTo(Outcome.SAVED);
        assertThat(transport.issued(exchange)).matches("[a-z0-9]{32}");
        assertThat(exchange.headers("Vary")).containsExactly(transport.vary());
        assertThat(engine.exists(transport.issued(exchange))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void untouchedSessionWritesNothingAndReadsNothing(Transport transport) {
        String key = existingSession(transport);
        FakeExchange exchange = transport.carrying(key);
        assertThat(run(middleware(transport), exchange, s -> { })).isEqualTo(Outcome.UNTOUCHED);
        assertThat(transport.issued(exchange)).isNull();
        assertThat(exchange.headers("Vary")).isEmpty();
        assertThat(engine.reads).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void readingTheSessionFindsItAndOnlyVaries(Transport transport) {
        String key = existingSession(transport);
        FakeExchange exchange = transport.carrying(key);
        Object[] seen = new Object[1];
        assertThat(run(middleware(transport), exchange, s -> seen[0] = s.get("count")))
                .isEqualTo(Outcome.ACCESSED);
        assertThat(seen[0]).isEqualTo(1);
        assertThat(transport.issued(exchange)).isNull();
        assertThat(exchange.headers("Vary")).containsExactly(transport.vary());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void changedSessionKeepsItsKeyAndHandsItBack(Transport transport) {
        String key = existingSession(transport);
        FakeExchange exchange = transport.carrying(key);
        run(middleware(transport), exchange, s -> s.compute("count", Integer.class, n -> n + 1));
        assertThat(transport.issued(exchange)).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unknownKeyIsNeverAdopted(Transport transport) {
        String unknown = "unknownkey0123456789";
        FakeExchange exchange = transport.carrying(unknown);
        assertThat(run(middleware(transport), exchange, s -> s.put("a", 1))).isEqualTo(Outcome.SAVED);
        assertThat(transport.issued(exchange)).isNotNull().isNotEqualTo(unknown);
        assertThat(engine.exists(unknown)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cycleKeyHandsTheNewKeyAndRetiresTheOld(Transport transport) {
        String key = existingSession(transport);
        FakeExchange exchange = transport.carrying(key);
        run(middleware(transport), exchange, Session::cycleKey);
        String cycled = transport.issued(exchange);
        assertThat(cycled).isNotNull().isNotEqualTo(key);
        assertThat(engine.exists(key)).isFalse();
        assertThat(engine.exists(cycled)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void flushTellsTheClientToDropItsKey(Transport transport) {
        String key = existingSession(transport);
        FakeExchange exchange = transport.carrying(key);
        assertThat(run(middleware(transport), exchange, Session::flush)).isEqualTo(Outcome.DELETED);
        assertThat(transport.removed(exchange)).isTrue();
        assertThat(exchange.headers("Vary")).containsExactly(transport.vary());
        assertThat(engine.exists(key)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void malformedKeyIsRemovedEvenUntouched(Transport transport) {
        FakeExchange exchange = transport.carrying("abc");
        assertThat(run(middleware(transport), exchange, s -> { })).isEqualTo(Outcome.DELETED);
        assertThat(transport.removed(exchange)).isTrue();
        assertThat(engine.reads).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void serverErrorHandsNoKey(Transport transport) {
        FakeExchange exchange = FakeExchange.request().status(500);
        assertThat(run(middleware(transport), exchange, s -> s.put("a", 1)))
                .isEqualTo(Outcome.NOT_SAVED_SERVER_ERROR);
        assertThat(transport.issued(exchange)).isNull();
        assertThat(engine.writes).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void signedSessionTravelsAsItsSignedValue(Transport transport) {
        SessionSettings signed = settings(transport);
        SessionMiddleware middleware = new SessionMiddleware(SignedCookieEngine.create(signed), signed);
        FakeExchange first = FakeExchange.request();
        run(middleware, first, s -> s.put("count", 1));
        String token = transport.issued(first);
        assertThat(token).isNotNull().contains(":");

        Object[] seen = new Object[1];
        run(middleware, transport.carrying(token), s -> seen[0] = s.get("count"));
        assertThat(seen[0]).isEqualTo(1);
    }

    // ------------------------------------------------------------ what only the header does

    @Test
    void headerModeNeverReadsTheCookie() {
        String key = existingSession(Transport.HEADER);
        String other = existingSession(Transport.HEADER);
        SessionMiddleware middleware = middleware(Transport.HEADER);
        FakeExchange both = Transport.HEADER.carrying(key).cookie("sessionid", other);
        assertThat(middleware.open(both).key()).isEqualTo(key);

        FakeExchange cookieOnly = FakeExchange.request().cookie("sessionid", other);
        Session session = middleware.open(cookieOnly);
        assertThat(session.key()).isNull();
        session.put("a", 1);
        middleware.finish(cookieOnly, session);
        assertThat(cookieOnly.setCookies()).isEmpty();
        assertThat(Transport.HEADER.issued(cookieOnly)).isNotNull().isNotEqualTo(other);
    }

    @Test
    void badHeaderValuesAreLoggedAndIgnored() {
        SessionMiddleware middleware = middleware(Transport.HEADER);
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            assertThat(middleware.requestedKey(Transport.HEADER.carrying("x".repeat(4097)))).isNull();
            assertThat(middleware.requestedKey(Transport.HEADER.carrying("abc;def0123456"))).isNull();
            assertThat(middleware.requestedKey(Transport.HEADER.carrying("abc def0123456"))).isNull();
            assertThat(log.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("WARN ")
                    .contains(HEADER).doesNotContain("abc"));
            assertThat(middleware.requestedKey(Transport.HEADER.carrying("x".repeat(4096))))
                    .hasSize(4096);
            assertThat(log.lines()).hasSize(3);
        }
    }

    @Test
    void emptyHeaderMeansNoKeyAndIsAnsweredWithRemovalWhenTheSessionStaysEmpty() {
        FakeExchange exchange = Transport.HEADER.carrying("");
        assertThat(run(middleware(Transport.HEADER), exchange, s -> { })).isEqualTo(Outcome.DELETED);
        assertThat(Transport.HEADER.removed(exchange)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Token", "X-Token:", "Cookie", "set-cookie"})
    void sessionHeaderMustBeAUsableHeaderName(String name) {
        assertThatThrownBy(() -> SessionSettings.builder().sessionHeader(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionHeader");
    }

    @Test
    void sessionHeaderIsOffByDefaultAndShownInToString() {
        assertThat(SessionSettings.builder().secretKey("k").build().sessionHeader()).isNull();
        SessionSettings on = SessionSettings.builder().secretKey("k").sessionHeader(HEADER).build();
        assertThat(on.sessionHeader()).isEqualTo(HEADER);
        assertThat(on.toBuilder().build().sessionHeader()).isEqualTo(HEADER);
        assertThat(on.toString()).contains("sessionHeader=X-Session-Token");
    }
}
