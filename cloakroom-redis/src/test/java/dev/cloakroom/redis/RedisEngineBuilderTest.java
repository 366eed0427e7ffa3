package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SessionStorageException;
import dev.cloakroom.testservers.PrivateRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builder checks, and what an engine does with no Redis behind it. No server needed. */
class RedisEngineBuilderTest {

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        RedisEngine.Builder builder = RedisEngine.builder("redis://127.0.0.1");
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> builder.maxReconnectDelay(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxReconnectDelay");
        assertThatThrownBy(() -> builder.keyPrefix("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> RedisEngine.builder("memcached://127.0.0.1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a Redis URI");
    }

    @Test
    void buildDoesNotConnectSoAnApplicationCanStartWithoutRedis() throws IOException {
        int closedPort = PrivateRedis.freePort();
        try (RedisEngine engine = RedisEngine.builder("redis://127.0.0.1:" + closedPort).build()) {
            assertThat(engine.toString()).contains("127.0.0.1:" + closedPort);
        }
    }

    @Test
    void unreachableRedisFailsFastNamingServerAndOperation() throws IOException {
        int closedPort = PrivateRedis.freePort();
        // Timeouts far longer than the bound below: a refused connection fails at once, not after them.
        Duration timeout = Duration.ofSeconds(60);
        try (RedisEngine engine = RedisEngine.builder("redis://127.0.0.1:" + closedPort)
                .connectTimeout(timeout).commandTimeout(timeout).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> engine.load("abcdefgh12345678"))
                    .isInstanceOf(SessionStorageException.class)
                    .hasMessageContaining("Redis at 127.0.0.1:" + closedPort
                            + " is not reachable while loading a session (…345678)")
                    .hasMessageContaining("reconnects by itself")
                    .hasMessageNotContaining("abcdefgh12345678")
                    .hasCauseInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> engine.exists("abcdefgh12345678"))
                    .isInstanceOf(SessionStorageException.class).hasMessageContaining("checking whether");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.dividedBy(4));
        }
    }

    @Test
    void closedEngineSaysSo() {
        RedisEngine engine = RedisEngine.builder(List.of("redis://127.0.0.1:1", "redis://127.0.0.1:2"))
                .build();
        engine.close();
        engine.close();
        assertThatThrownBy(() -> engine.delete("abcdefgh12345678"))
                .isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("is closed")
                .hasMessageContaining("Redis Cluster at 127.0.0.1:1,127.0.0.1:2");
    }
}
