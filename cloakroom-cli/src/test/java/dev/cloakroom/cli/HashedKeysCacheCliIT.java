package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.internal.StoredKeys;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.redis.RedisEngine;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI on cache and cached_db with CLOAKROOM_HASH_KEYS on (Redis under a key prefix of its own). */
class HashedKeysCacheCliIT {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();
    private static final String SECRET = "hashed-cache-cli-secret";

    private final SessionSettings settings = SessionSettings.builder().secretKey(SECRET).build();
    private RedisEngine cache;
    private Path directory;

    @BeforeEach
    void open() throws Exception {
        cache = RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).hashKeys(true).build();
        directory = Files.createTempDirectory("cloakroom-hashed-cache-cli");
    }

    @AfterEach
    void cleanUp() {
        cache.close();
        REDIS.deleteKeys();
    }

    private CliRun cli(String engine, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("CLOAKROOM_ENGINE", engine,
                "CLOAKROOM_REDIS_URL", REDIS.url(), "CLOAKROOM_REDIS_KEY_PREFIX", REDIS.prefix(),
                "CLOAKROOM_SECRET_KEY", SECRET, "CLOAKROOM_HASH_KEYS", "true"));
        env.put("CLOAKROOM_DATABASE_URL", "jdbc:sqlite:" + directory.resolve("sessions.sqlite3"));
        return CliRun.run(env, directory, args);
    }

    @Test
    void cacheInspectListAndRevokeWithHashedKeys() throws Exception {
        String alice = DbCliContract.save(cache, settings, Map.of("_auth_user_id", "1", "cart", 3));
        String alice2 = DbCliContract.save(cache, settings, Map.of("_auth_user_id", "1"));

        CliRun inspect = cli("cache", "inspect", alice);
        assertThat(inspect.status()).as(inspect.err()).isZero();
        assertThat(new ObjectMapper().readTree(inspect.out()).get("data").get("cart").asInt()).isEqualTo(3);
        assertThat(cli("cache", "inspect", StoredKeys.hash(alice)).status()).isEqualTo(1);

        CliRun list = cli("cache", "list", "--user", "1");
        assertThat(list.out()).contains(StoredKeys.hash(alice)).contains(StoredKeys.hash(alice2))
                .doesNotContain(alice).contains("STORED KEY");

        assertThat(cli("cache", "revoke", "--stored", StoredKeys.hash(alice2)).status()).isZero();
        assertThat(cache.exists(alice2)).isFalse();
        assertThat(cli("cache", "revoke", StoredKeys.hash(alice)).status()).isEqualTo(1);
        assertThat(cli("cache", "revoke", alice).status()).isZero();
        assertThat(cache.exists(alice)).isFalse();
    }

    @Test
    void cachedDbHashesInBothHalves() throws Exception {
        assertThat(cli("cached_db", "migrate").status()).isZero();
        String url = "jdbc:sqlite:" + directory.resolve("sessions.sqlite3");
        try (JdbcEngine db = JdbcEngine.builder(url).userColumn().hashKeys(true).build()) {
            String key = DbCliContract.save(CachedDbEngine.of(cache, db), settings,
                    Map.of("_auth_user_id", "1", "n", 5));

            CliRun inspect = cli("cached_db", "inspect", key);
            assertThat(inspect.status()).as(inspect.err()).isZero();
            assertThat(new ObjectMapper().readTree(inspect.out()).get("data").get("n").asInt()).isEqualTo(5);
            CliRun list = cli("cached_db", "list");
            assertThat(list.out()).contains(StoredKeys.hash(key)).doesNotContain(key);

            assertThat(cli("cached_db", "revoke", "--stored", StoredKeys.hash(key)).status()).isZero();
            assertThat(db.exists(key)).isFalse();
            assertThat(cache.exists(key)).isFalse();
        }
    }
}
