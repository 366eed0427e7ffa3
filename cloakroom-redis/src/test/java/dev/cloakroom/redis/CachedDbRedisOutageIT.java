package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.testservers.Eventually;
import dev.cloakroom.testservers.PrivateRedis;
import dev.cloakroom.testservers.TestDatabases;
import dev.cloakroom.testservers.TestRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cached_db} (a Redis of this test's own in front of SQLite) while Redis is stopped, restarted,
 * frozen and thawed: no request fails, the database serves meanwhile with a rate-limited WARN, and the
 * cache serves again once Redis is back.
 */
class CachedDbRedisOutageIT {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final String PREFIX = "cloakroom-outage:";
    @RegisterExtension
    static final PrivateRedis.PerClass REDIS = PrivateRedis.perClass();

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings = SessionSettings.builder().secretKey("outage").clock(clock)
            .build();
    private RedisEngine cache;
    private CountingEngine db;
    private JdbcEngine jdbc;
    private CachedDbEngine cachedDb;

    @BeforeEach
    void openEngines() {
        cache = RedisEngine.builder(REDIS.redis().url()).keyPrefix(PREFIX).commandTimeout(TIMEOUT)
                .clock(clock).build();
        jdbc = JdbcEngine.builder(TestDatabases.sqliteUrl(directory.resolve("sessions.db"))).clock(clock)
                .build();
        db = CountingEngine.wrap(jdbc);
        cachedDb = CachedDbEngine.builder(cache, db).clock(clock).retryCacheAfter(RETRY).build();
    }

    @AfterEach
    void closeEngines() {
        cache.close();
        jdbc.close();
    }

    @Test
    void redisStoppedEveryLoadAndSaveSucceedsFromTheDatabaseAndAfterARestartReadsComeFromRedisAgain()
            throws Exception {
        String key = saved("count", 0);
        db.reads.set(0);
        assertThat(open(key).get("count")).isEqualTo(0);
        assertThat(db.reads.get()).as("served by Redis").isZero();

        REDIS.redis().stop();
        try (LogCapture log = LogCapture.of(CachedDbEngine.class.getName())) {
            for (int i = 0; i < 50; i++) {
                Session request = open(key);
                request.compute("count", Integer.class, n -> n + 1);
                request.save();
                if (i % 10 == 9) {
                    clock.advance(RETRY); // the cache is tried again, and fails again
                }
            }
            Session fresh = Session.open(cachedDb, settings, null);
            fresh.put("born", "during the outage");
            fresh.save();
            assertThat(open(fresh.key()).get("born")).isEqualTo("during the outage");
            assertThat(Session.open(jdbc, settings, key).get("count")).isEqualTo(50);
            assertThat(log.lines()).as("one WARN: the clock moved 20 s, less than the 30 s interval")
                    .singleElement().asString().startsWith("WARN ")
                    .contains("Redis at 127.0.0.1:" + REDIS.redis().port())
                    .contains("serving sessions from the database");
        }

        REDIS.redis().start(); // empty: this Redis keeps nothing on disk
        clock.advance(RETRY);
        Eventually.succeeds(Duration.ofSeconds(10), () -> {
            clock.advance(RETRY);
            assertThat(open(key).get("count")).isEqualTo(50);
            assertThat(inRedis(key)).as("refilled into the restarted Redis").isTrue();
            return null;
        });
        db.reads.set(0);
        for (int i = 0; i < 5; i++) {
            assertThat(open(key).get("count")).isEqualTo(50);
        }
        assertThat(db.reads.get()).as("database reads once Redis is back").isZero();
    }

    @Test
    void redisFrozenCostsOneTimeoutPerRetryPauseAndNoFailedRequest() throws Exception {
        String key = saved("count", 0);
        REDIS.redis().pause();
        try (LogCapture log = LogCapture.of(CachedDbEngine.class.getName())) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                Session request = open(key);
                request.compute("count", Integer.class, n -> n + 1);
                request.save();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("one command timeout, then the database alone")
                    .isLessThan(TIMEOUT.multipliedBy(3));
            assertThat(log.lines()).singleElement().asString().contains("did not answer within 500 ms");
        } finally {
            REDIS.redis().resume();
        }
        assertThat(Session.open(jdbc, settings, key).get("count")).isEqualTo(20);
        clock.advance(RETRY);
        assertThat(Eventually.succeeds(Duration.ofSeconds(5), () -> open(key).get("count"))).isEqualTo(20);
    }

    @Test
    void logoutWhileRedisIsSkippedDoesNotComeBackFromRedisAfterwards() throws Exception {
        String key = saved("_auth_user_id", "7");
        String other = saved("other", 1);
        REDIS.redis().pause();
        try {
            assertThat(open(other).get("other"))
                    .isEqualTo(1); // times out in Redis: the cache is skipped for 5 s
        } finally {
            REDIS.redis().resume();
        }
        Session.open(cachedDb, settings, key).flush(); // logout while the cache is skipped
        assertThat(inRedis(key)).as("Redis still holds the logged-out session").isTrue();

        clock.advance(RETRY);
        assertThat(Eventually.succeeds(Duration.ofSeconds(5), () -> open(key).get("_auth_user_id"))).isNull();
        assertThat(inRedis(key)).as("evicted once Redis was used again").isFalse();
    }

    private Session open(String key) {
        return Session.open(cachedDb, settings, key);
    }

    private String saved(String name, Object value) {
        Session session = Session.open(cachedDb, settings, null);
        session.put(name, value);
        session.save();
        return session.key();
    }

    private boolean inRedis(String key) {
        long count = TestRedis.with(REDIS.redis().url(), commands -> commands.exists(PREFIX + key));
        return count == 1;
    }
}
