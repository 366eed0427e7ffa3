package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.testservers.TestRedis;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cache} and {@code cached_db} engines opened by name from settings, on the real Redis. */
class RedisEngineFactoryIT {

    private final String prefix = TestRedis.uniquePrefix(RedisEngineFactoryIT.class);

    @TempDir
    Path directory;

    private Settings settings(String engine) {
        return Settings.reader().environment(Map.of("CLOAKROOM_ENGINE", engine, "CLOAKROOM_REDIS_URL",
                TestRedis.URL, "CLOAKROOM_REDIS_KEY_PREFIX", prefix, "CLOAKROOM_SECRET_KEY", "k"))
                .workingDirectory(directory).read();
    }

    private static String saveOne(OpenedEngine opened, SessionSettings settings) {
        Session session = Session.open(opened.engine(), settings, null);
        session.put("count", 1);
        session.save();
        return session.key();
    }

    @Test
    void cacheKeepsSessionsUnderTheConfiguredPrefix() {
        Settings settings = settings("cache");
        try (OpenedEngine cache = Engines.open(settings, Schema.USE_EXISTING)) {
            assertThat(cache.engine()).isInstanceOf(RedisEngine.class);
            assertThat(cache.description()).isEqualTo(TestRedis.URL);
            String key = saveOne(cache, settings.sessionSettings());
            try (RedisEngine samePrefix = RedisEngine.builder(TestRedis.URL).keyPrefix(prefix).build();
                    RedisEngine otherPrefix = RedisEngine.builder(TestRedis.URL).keyPrefix(prefix + "x:")
                            .build()) {
                assertThat(samePrefix.exists(key)).isTrue();
                assertThat(otherPrefix.exists(key)).isFalse();
            }
            ((RedisEngine) cache.engine()).delete(key);
        }
    }

    @Test
    void cachedDbPutsTheCacheInFrontOfTheDatabase() {
        Settings settings = settings("cached_db");
        try (OpenedEngine cachedDb = Engines.open(settings, Schema.CREATE_MISSING)) {
            assertThat(cachedDb.engine()).isInstanceOf(CachedDbEngine.class);
            assertThat(cachedDb.description()).isEqualTo(TestRedis.URL + " in front of jdbc:sqlite:"
                    + directory.resolve("cloakroom.sqlite3"));
            String key = saveOne(cachedDb, settings.sessionSettings());
            CachedDbEngine engine = (CachedDbEngine) cachedDb.engine();
            assertThat(engine.cache().exists(key)).isTrue();
            assertThat(engine.database().exists(key)).isTrue();
            engine.delete(key);
        }
    }
}
