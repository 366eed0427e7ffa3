package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo keeps a keep-alive connection open across POSTs whose body the handler has no use for
 * ({@code /api/counter} with {@code {}}), even when the body arrives after the request's head: every
 * request on one connection is answered on it, none with {@code Connection: close}.
 */
class DemoConnectionTest {

    private static final Pattern COOKIE = Pattern.compile("sessionid=([a-z0-9]{32});");

    private final SessionSettings settings =
            SessionSettings.builder().secretKey("connection-test-secret").build();
    private DemoServer server;

    @BeforeEach
    void start() {
        server = DemoServer.start(MemoryEngine.create(), "memory", settings, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsWithAnUnreadBodyKeepTheConnectionOpen() throws Exception {
        int requests = 60;
        try (RawHttpConnection connection = new RawHttpConnection(server.uri().getPort())) {
            String cookie = null;
            for (int i = 1; i <= requests; i++) {
                String[] head = cookie == null
                        ? new String[] {"Content-Type: application/json", "Content-Length: 2"}
                        : new String[] {"Content-Type: application/json", "Content-Length: 2",
                                "Cookie: " + cookie};
                String path = i % 3 == 0 ? "/api/session/cycle" : "/api/counter";
                connection.sendHead("POST", path, head);
                if (i % 2 == 0) {
                    Thread.sleep(30); // the body comes in a packet of its own, after the handler may have run
                }
                connection.sendBody("{}");
                RawHttpConnection.Response response = connection.read();
                assertThat(response.status()).as("request %d: %s", i, response.body()).isEqualTo(200);
                assertThat(response.headers().get("connection")).as("request %d", i).isNull();
                String setCookie = response.headers().get("set-cookie");
                if (setCookie != null) {
                    Matcher m = COOKIE.matcher(setCookie);
                    assertThat(m.find()).isTrue();
                    cookie = "sessionid=" + m.group(1);
                }
            }
            connection.sendHead("GET", "/api/session", "Cookie: " + cookie);
            RawHttpConnection.Response last = connection.read();
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.body()).contains("\"count\":" + (requests - requests / 3));
        }
    }
}
