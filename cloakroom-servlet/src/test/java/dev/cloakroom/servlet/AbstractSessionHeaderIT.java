package dev.cloakroom.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.LogCapture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link SessionFilter} with the session key in the {@code X-Session-Token} header instead of a cookie,
 * over real HTTP: the token comes in a request header and goes out in the same response header, and no
 * cookie is ever set. Each subclass starts one container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSessionHeaderIT {

    private static final String HEADER = "X-Session-Token";

    private final TestHttp http = new TestHttp();
    private final CountingEngine engine = CountingEngine.wrap(MemoryEngine.create());
    private Path tempDir;
    private TestContainer container;

    /** Starts the container for {@code deployment}; {@code tempDir} is for its files. */
    protected abstract TestContainer start(TestContainer.Deployment deployment, Path tempDir)
            throws Exception;

    @BeforeAll
    void startContainer() throws Exception {
        tempDir = Files.createTempDirectory("cloakroom-header-it");
        SessionSettings settings = SessionSettings.builder().secretKey("header-it-secret")
                .sessionHeader(HEADER).build();
        List<TestContainer.Mount> mounts = List.of(
                new TestContainer.Mount("header", new SessionFilter(engine, settings), Map.of()),
                new TestContainer.Mount("signed",
                        new SessionFilter(SignedCookieEngine.create(settings), settings), Map.of()),
                new TestContainer.Mount("configured", new SessionFilter(), Map.of(
                        "engine", "memory", "secret-key", "header-it-secret",
                        "session-header", "X-Api-Session")));
        container = start(new TestContainer.Deployment(mounts, new ScenarioServlet(), "/header/error-page"),
                tempDir);
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.stop();
        }
        try (var paths = Files.walk(tempDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One response, with the raw headers a client of the token sees. */
    record Reply(int status, String body, List<String> tokens, List<String> setCookies, List<String> vary) {
        /** The token handed to the client, asserting there is exactly one and no cookie. */
        String token() {
            assertThat(setCookies).as("Set-Cookie headers").isEmpty();
            assertThat(tokens).as(HEADER + " headers").hasSize(1);
            assertThat(tokens.get(0)).isNotEmpty();
            return tokens.get(0);
        }
    }

    private Reply get(String path, @Nullable String token, String... cookies) {
        return send(path, HEADER, token, cookies);
    }

    private Reply send(String path, String header, @Nullable String token, String... cookies) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put(header, token);
        }
        if (cookies.length > 0) {
            headers.put("Cookie", String.join("; ", cookies));
        }
        HttpResponse<String> response = http.get(container.port(), path, headers);
        return new Reply(response.statusCode(), response.body(), response.headers().allValues(header),
                response.headers().allValues("set-cookie"), response.headers().allValues("vary"));
    }

    @Test
    void tokenGoesOutInTheHeaderAndComesBackInIt() {
        Reply created = get("/header/write?v=hello", null);
        assertThat(created.status()).isEqualTo(200);
        String token = created.token();
        assertThat(token).matches("[a-z0-9]{32}");
        assertThat(created.vary()).containsExactly(HEADER);

        Reply read = get("/header/read", token);
        assertThat(read.body()).isEqualTo("hello");
        assertThat(read.tokens()).isEmpty();
        assertThat(read.setCookies()).isEmpty();
        assertThat(read.vary()).containsExactly(HEADER);
    }

    @Test
    void untouchedSessionGetsNoHeader() {
        String token = get("/header/write?v=x", null).token();
        Reply reply = get("/header/untouched", token);
        assertThat(reply.tokens()).isEmpty();
        assertThat(reply.setCookies()).isEmpty();
        assertThat(reply.vary()).isEmpty();
        Reply anonymous = get("/header/untouched", null);
        assertThat(anonymous.tokens()).isEmpty();
        assertThat(anonymous.vary()).isEmpty();
    }

    @Test
    void changingTheSessionIdOnLoginHandsANewTokenAndRetiresTheOld() {
        String token = get("/header/write?name=cart&v=3", null).token();
        Reply login = get("/header/legacy-change-id", token);
        String cycled = login.token();
        assertThat(cycled).isNotEqualTo(token).isEqualTo(login.body());
        assertThat(engine.exists(token)).isFalse();
        assertThat(get("/header/read?name=cart", cycled).body()).isEqualTo("3");
        assertThat(get("/header/read", cycled).body()).isEqualTo("kept");
        assertThat(get("/header/read?name=cart", token).body()).isEqualTo("null");
    }

    @Test
    void flushAnswersAnEmptyTokenMeaningDropIt() {
        String token = get("/header/write?v=x", null).token();
        Reply flushed = get("/header/flush", token);
        assertThat(flushed.tokens()).containsExactly("");
        assertThat(flushed.setCookies()).isEmpty();
        assertThat(flushed.vary()).containsExactly(HEADER);
        assertThat(engine.exists(token)).isFalse();
    }

    @Test
    void cookieSentWithTheHeaderIsIgnored() {
        String token = get("/header/write?v=from-header", null).token();
        String other = get("/header/write?v=from-cookie", null).token();
        Reply both = get("/header/read", token, "sessionid=" + other);
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.body()).isEqualTo("from-header");
        Reply cookieOnly = get("/header/read", null, "sessionid=" + other);
        assertThat(cookieOnly.body()).isEqualTo("null");
        assertThat(cookieOnly.setCookies()).isEmpty();
    }

    @Test
    void unknownTokenIsNeverAdopted() {
        String unknown = "unknownkey0123456789abcdefghijkl";
        Reply reply = get("/header/write?v=x", unknown);
        assertThat(reply.token()).isNotEqualTo(unknown);
        assertThat(engine.exists(unknown)).isFalse();
    }

    @Test
    void badTokenIsLoggedAndGetsANewSession() {
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            Reply reply = get("/header/write?v=x", "x".repeat(5000));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.token()).matches("[a-z0-9]{32}");
            assertThat(log.lines()).as("one WARN per bad token").singleElement().asString()
                    .startsWith("WARN ").contains(HEADER).doesNotContain("xxxx");
        }
    }

    @Test
    void signedSessionTravelsAsTheSignedValue() {
        Reply created = get("/signed/write?v=signed", null);
        String token = created.token();
        assertThat(token).contains(":");
        assertThat(get("/signed/read", token).body()).isEqualTo("signed");
    }

    @Test
    void headerNamedByAnInitParameter() {
        String token = send("/configured/write?v=param", "X-Api-Session", null).tokens().get(0);
        assertThat(send("/configured/read", "X-Api-Session", token).body()).isEqualTo("param");
    }
}
