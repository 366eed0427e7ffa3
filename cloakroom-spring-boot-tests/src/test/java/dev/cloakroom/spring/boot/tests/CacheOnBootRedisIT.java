package dev.cloakroom.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.redis.RedisEngine;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestRedis;
import io.lettuce.core.RedisURI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code cloakroom.engine=cache} without {@code cloakroom.redis.url}: the Redis of the application's
 * {@code spring.data.redis.*}, beside Boot's own Lettuce.
 */
@DirtiesContext // closes the application, its pools and clients after the class
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestProperties.SECRET, TestProperties.NO_DATA_SOURCE, "cloakroom.engine=cache"})
class CacheOnBootRedisIT {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RedisURI uri = RedisURI.create(REDIS.url());
        registry.add("spring.data.redis.host", uri::getHost);
        registry.add("spring.data.redis.port", uri::getPort);
        registry.add("spring.data.redis.database", uri::getDatabase);
        registry.add("cloakroom.redis.key-prefix", REDIS::prefix);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void sessionsAreStoredUnderThePrefixInBootsRedis() {
        SessionEngine engine = context.getBean(SessionEngine.class);
        assertThat(engine).isInstanceOf(RedisEngine.class);
        assertThat(engine.toString()).contains("on the application's Lettuce resources"); // Boot's bean
        Browser browser = new Browser(context);
        String key = Browser.cookie(browser.get("/put?key=cart&value=redis"), "sessionid");
        assertThat(browser.get("/get?key=cart").body()).isEqualTo("redis");
        List<String> keys = TestRedis.with(redis -> TestRedis.keys(redis, REDIS.prefix()));
        assertThat(keys).anySatisfy(k -> assertThat(k).contains(key));
    }

    @Test
    void theHealthIndicatorIsUp() {
        HttpResponse<String> health = new Browser(context).get("/actuator/health/cloakroom");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("RedisEngine");
    }
}
