package dev.cloakroom.demo;

import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's API on the cache engine, under a Redis key prefix of its own that is deleted afterwards. */
class RedisCacheDemoApiIT extends DemoApiContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "cache", "CLOAKROOM_REDIS_URL", REDIS.url(),
                "CLOAKROOM_REDIS_KEY_PREFIX", REDIS.prefix());
    }
}
