package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.redis.RedisEngine;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI on the cache engine (Redis, under a key prefix of its own): what it can and cannot do there. */
class CacheCliIT {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();
    private static final String SECRET = "cache-cli-secret";

    private final SessionSettings settings = SessionSettings.builder().secretKey(SECRET).build();
    private RedisEngine engine;
    private Path directory;

    @BeforeEach
    void open() throws Exception {
        engine = RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).build();
        directory = Files.createTempDirectory("cloakroom-cache-cli");
    }

    @AfterEach
    void cleanUp() {
        engine.close();
        REDIS.deleteKeys(); // each test starts on an empty key space
    }

    private String session(Map<String, Object> data) {
        return DbCliContract.save(engine, settings, data);
    }

    private CliRun cli(String... args) {
        return CliRun.run(Map.of("CLOAKROOM_ENGINE", "cache", "CLOAKROOM_REDIS_URL", REDIS.url(),
                "CLOAKROOM_REDIS_KEY_PREFIX", REDIS.prefix(), "CLOAKROOM_SECRET_KEY", SECRET),
                directory, args);
    }

    @Test
    void inspectListByUserAndRevoke() throws Exception {
        String alice = session(Map.of("_auth_user_id", "1", "cart", 3));
        String alice2 = session(Map.of("_auth_user_id", "1"));
        String bob = session(Map.of("_auth_user_id", "2"));

        CliRun inspect = cli("inspect", alice);
        assertThat(inspect.status()).as(inspect.err()).isZero();
        assertThat(new ObjectMapper().readTree(inspect.out()).get("data").get("cart").asInt()).isEqualTo(3);

        CliRun list = cli("list", "--user", "1");
        assertThat(list.out()).contains(alice).contains(alice2).doesNotContain(bob)
                .contains("2 sessions of user 1.");

        assertThat(cli("revoke", alice2).out()).contains("Revoked 1 session.");
        assertThat(engine.exists(alice2)).isFalse();
        assertThat(cli("revoke", "--user", "1").out()).contains("Revoked 1 session of user 1.");
        assertThat(engine.exists(alice)).isFalse();
        assertThat(engine.exists(bob)).isTrue();
        assertThat(cli("inspect", alice).status()).isEqualTo(1);
    }

    @Test
    void listingEverythingAndCountingAreNotPossibleOnRedis() {
        CliRun list = cli("list");
        assertThat(list.status()).isEqualTo(2);
        assertThat(list.errorLine()).isEqualTo("cloakroom: The cache engine cannot list all sessions; "
                + "list one user's with --user ID, or use db, cached_db or file");
        CliRun stats = cli("stats");
        assertThat(stats.status()).isEqualTo(2);
        assertThat(stats.errorLine()).contains("stats supports the db, cached_db and file engines");
        CliRun clear = cli("clearsessions");
        assertThat(clear.status()).isZero();
        assertThat(clear.out())
                .isEqualTo("Removed 0 expired sessions: Redis expires cache sessions by itself.\n");
    }

    @Test
    void anUnreachableRedisExitsOneWithOneLine() {
        CliRun run = CliRun.run(Map.of("CLOAKROOM_ENGINE", "cache",
                "CLOAKROOM_REDIS_URL", "redis://127.0.0.1:1/0", "CLOAKROOM_SECRET_KEY", SECRET),
                directory, "inspect", "abcdefghijklmnop");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).hasLineCount(1).startsWith("cloakroom: ").doesNotContain("\tat ");
    }
}
