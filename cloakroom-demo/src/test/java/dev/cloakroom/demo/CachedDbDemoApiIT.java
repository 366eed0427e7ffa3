package dev.cloakroom.demo;

import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.ClassSchema;
import dev.cloakroom.testservers.RealServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's API on cached_db: a Redis key prefix and a PostgreSQL schema of its own, removed afterwards. */
class CachedDbDemoApiIT extends DemoApiContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();
    @RegisterExtension
    static final ClassSchema DB = RealServers.postgresSchema();

    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "cached_db", "CLOAKROOM_REDIS_URL", REDIS.url(),
                "CLOAKROOM_REDIS_KEY_PREFIX", REDIS.prefix(), "CLOAKROOM_DATABASE_URL", DB.url());
    }
}
