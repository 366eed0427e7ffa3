package dev.cloakroom.demo;

import java.nio.file.Path;
import java.util.Map;

class RedisCacheDemoApiIT extends DemoApiContract {

    private final String prefix = TestServers.uniqueName("cloakroom-demo-test-") + ":";

    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "cache", "CLOAKROOM_REDIS_URL", TestServers.REDIS,
                "CLOAKROOM_REDIS_KEY_PREFIX", prefix);
    }

    @Override
    void cleanUp() {
        TestServers.deleteRedisKeys(prefix);
    }
}
