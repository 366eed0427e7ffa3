package dev.cloakroom.demo;

import java.nio.file.Path;
import java.util.Map;

class CachedDbDemoApiIT extends DemoApiContract {

    private final String prefix = TestServers.uniqueName("cloakroom-demo-test-") + ":";
    private final String schema = TestServers.uniqueName("cloakroom_demo_");

    @Override
    Map<String, String> engineEnvironment(Path directory) throws Exception {
        String databaseUrl = TestServers.postgresSchema(schema);
        return Map.of("CLOAKROOM_ENGINE", "cached_db", "CLOAKROOM_REDIS_URL", TestServers.REDIS,
                "CLOAKROOM_REDIS_KEY_PREFIX", prefix, "CLOAKROOM_DATABASE_URL", databaseUrl);
    }

    @Override
    void cleanUp() throws Exception {
        TestServers.deleteRedisKeys(prefix);
        TestServers.dropPostgresSchema(schema);
    }
}
