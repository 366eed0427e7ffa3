package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TcpProxy;
import dev.cloakroom.testservers.TestRedis;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The health indicator is DOWN, with the error, while the store does not answer: Redis behind a stopped
 * proxy.
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.SECRET, TestProperties.NO_DATA_SOURCE, "cloakroom.engine=cache"})
class HealthDownIT {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    private static final TcpProxy PROXY = proxy();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cloakroom.redis.url", () -> "redis://127.0.0.1:" + PROXY.port() + "/0");
        registry.add("cloakroom.redis.key-prefix", REDIS::prefix);
    }

    @Autowired
    ApplicationContext context;

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void upWhileTheStoreAnswersThenDownWithTheError() {
        Browser browser = new Browser(context);
        HttpResponse<String> up = browser.get("/actuator/health/cloakroom");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"");
        PROXY.stop();
        try {
            HttpResponse<String> down = browser.get("/actuator/health/cloakroom");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"error\"")
                    .contains("SessionStorageException");
        } finally {
            PROXY.start();
        }
    }

    private static TcpProxy proxy() {
        try {
            return TcpProxy.forwardingTo(RedisURI.create(TestRedis.URL).getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
