package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.testservers.Eventually;
import dev.cloakroom.testservers.PrivateRedis;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code cache} engine alone when its Redis goes away: it fails fast with a message naming the server
 * and the operation, and works again by itself once Redis is back. On a Redis of this test's own.
 */
class RedisOutageIT {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    @RegisterExtension
    static final PrivateRedis.PerClass REDIS = PrivateRedis.perClass();

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings = SessionSettings.builder().secretKey("outage").clock(clock)
            .build();
    private RedisEngine engine;

    @BeforeEach
    void openEngine() {
        engine = RedisEngine.builder(REDIS.redis().url()).commandTimeout(TIMEOUT).clock(clock).build();
    }

    @AfterEach
    void closeEngine() throws Exception {
        engine.close();
    }

    @Test
    void whileRedisIsDownEveryCallFailsFastAndAfterARestartTheSameEngineWorksAgain() throws Exception {
        String key = saved("before", 1);
        REDIS.redis().stop();

        assertFailsFast(() -> engine.load(key), "while loading a session (…" + key.substring(26) + ")");
        assertFailsFast(() -> Session.open(engine, settings, null).save(), "while creating a session");
        assertFailsFast(() -> engine.delete(key), "while deleting a session");
        assertFailsFast(() -> engine.sessionsOf("7"), "while listing a user's sessions");

        REDIS.redis().start(); // empty: this test's Redis keeps nothing on disk
        String after = Eventually.succeeds(Duration.ofSeconds(10), () -> saved("after", 2));
        assertThat(Session.open(engine, settings, after).get("after")).isEqualTo(2);
        Session write = Session.open(engine, settings, after);
        write.put("again", 3); // a compare-and-set save: the restarted server had to be sent the script
        write.save();
        assertThat(Session.open(engine, settings, after).get("again")).isEqualTo(3);
    }

    @Test
    void redisThatHangsFailsTheCallAfterTheCommandTimeout() throws Exception {
        String key = saved("before", 1);
        REDIS.redis().pause();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> engine.load(key)).isInstanceOf(SessionStorageException.class)
                    .hasMessageContaining("Redis at 127.0.0.1:" + REDIS.redis().port()
                            + " did not answer within 500 ms while loading a session");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50))
                    .isLessThan(TIMEOUT.plusSeconds(1));
        } finally {
            REDIS.redis().resume();
        }
        assertThat(Eventually.succeeds(Duration.ofSeconds(5),
                () -> Session.open(engine, settings, key).get("before"))).isEqualTo(1);
    }

    @Test
    void engineBuiltWhileRedisIsDownConnectsOnceItIsUp() throws Exception {
        REDIS.redis().stop();
        try (RedisEngine early = RedisEngine.builder(REDIS.redis().url()).commandTimeout(TIMEOUT).clock(clock)
                .build()) {
            assertThatThrownBy(() -> early.exists("abcdefgh12345678"))
                    .isInstanceOf(SessionStorageException.class)
                    .hasMessageContaining("is not reachable");
            REDIS.redis().start();
            boolean exists = Eventually.succeeds(Duration.ofSeconds(5),
                    () -> early.exists("abcdefgh12345678"));
            assertThat(exists).isFalse();
        }
    }

    @Test
    void wrongOrMissingPasswordIsReportedAsSuch() throws Exception {
        try (PrivateRedis guarded = PrivateRedis.launch("--requirepass", "right")) {
            for (String url : new String[] {"redis://:wrong@127.0.0.1:" + guarded.port(), guarded.url()}) {
                try (RedisEngine wrong = RedisEngine.builder(url).commandTimeout(TIMEOUT).build()) {
                    assertThatThrownBy(() -> wrong.exists("abcdefgh12345678"))
                            .isInstanceOf(SessionStorageException.class)
                            .hasMessageContaining(
                                    "Redis at 127.0.0.1:" + guarded.port() + " refused the credentials")
                            .hasMessageContaining("Check the user and password")
                            .hasMessageNotContaining("wrong@");
                }
            }
            String url = "redis://:right@127.0.0.1:" + guarded.port();
            try (RedisEngine right = RedisEngine.builder(url).build()) {
                assertThat(right.exists("abcdefgh12345678")).isFalse();
            }
        }
    }

    @Test
    void everyConnectWithAWrongPasswordSaysSoEvenUnderLoad() throws Exception {
        // Lettuce can lose Redis's answer to a failed handshake (a race inside its connect); the engine
        // retries such a connect so the answer is never hidden. Many connects, from several threads.
        try (PrivateRedis guarded = PrivateRedis.launch("--requirepass", "right")) {
            String url = "redis://:wrong@127.0.0.1:" + guarded.port();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
                for (int i = 0; i < 200; i++) {
                    results.add(pool.submit(() -> {
                        try (RedisEngine wrong = RedisEngine.builder(url).commandTimeout(TIMEOUT).build()) {
                            wrong.exists("abcdefgh12345678");
                            return "connected with a wrong password";
                        } catch (SessionStorageException e) {
                            return e.getMessage();
                        }
                    }));
                }
                for (var result : results) {
                    assertThat(result.get()).contains("refused the credentials");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private void assertFailsFast(ThrowingCallable call, String operation) {
        long start = System.nanoTime();
        assertThatThrownBy(call).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("Redis at 127.0.0.1:" + REDIS.redis().port())
                .hasMessageContaining(operation);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(TIMEOUT.plusMillis(200));
    }

    private String saved(String name, Object value) {
        Session session = Session.open(engine, settings, null);
        session.put(name, value);
        session.save();
        return session.key();
    }
}
