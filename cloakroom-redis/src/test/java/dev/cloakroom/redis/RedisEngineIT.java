package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.StoredSession;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core conformance suite on the shared test Redis, plus the storage format. */
class RedisEngineIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).clock(settings.clock()).build();
    }

    @AfterAll
    static void deleteKeysInDatabase5() {
        TestRedis.deleteKeys(TestRedis.database(5), REDIS.prefix());
    }

    /** One hash per session: Django's session_data as it is, expiry, last save, user; TTL until expiry. */
    @Test
    void sessionIsAHashHoldingDjangosEncodingWithATtlUntilItsExpiry() {
        Session session = newSession();
        session.put("count", 1);
        session.put("_auth_user_id", "42");
        session.setVerifiedUser("42"); // a verified login
        String key = saved(session);
        Map<String, String> hash = TestRedis.with(redis -> redis.hgetall(REDIS.prefix() + key));
        assertThat(hash).containsOnlyKeys("d", "e", "t", "u", "i");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", 1);
        data.put("_auth_user_id", "42");
        assertThat(hash.get("d")).isEqualTo(djangoEncode(data));
        long expiresAt = clock.instant().plus(settings.cookieAge()).toEpochMilli();
        assertThat(hash).containsEntry("e", Long.toString(expiresAt))
                .containsEntry("t", Long.toString(clock.millis())).containsEntry("u", "42");
        long ttlMillis = settings.cookieAge().toMillis();
        assertThat(Long.parseLong(hash.get("i"))).as("its index entry's score: the expiry and a margin")
                .isEqualTo(expiresAt + ttlMillis / 32);
        long ttl = TestRedis.with(redis -> redis.pttl(REDIS.prefix() + key));
        assertThat(ttl).isBetween(settings.cookieAge().toMillis() - 60_000, settings.cookieAge().toMillis());
    }

    @Test
    void sessionWithoutUserHasNoUserField() {
        Session session = withValue("a", 1);
        session.put("_auth_user_id", "42");
        String key = saved(session);
        Session again = open(key);
        again.remove("_auth_user_id");
        again.save();
        List<String> fields = TestRedis.with(redis -> redis.hkeys(REDIS.prefix() + key));
        assertThat(fields).containsExactlyInAnyOrder("d", "e", "t");
    }

    @Test
    void sessionAlreadyExpiredIsNotStoredAtAll() {
        StoredSession expired = new StoredSession("expiredonarrival", "x", clock.instant().minusSeconds(1),
                null);
        assertThat(engine.create(expired)).isTrue();
        long stored = TestRedis.with(redis -> redis.exists(REDIS.prefix() + expired.key()));
        assertThat(stored).isZero();
        assertThat(engine.exists(expired.key())).isFalse();
    }

    @Test
    void saveWithAnExpiryInThePastDeletesTheHash() {
        String key = saved(withValue("a", 1));
        Session session = open(key);
        session.setExpiry(Duration.ofSeconds(-5));
        session.save();
        long stored = TestRedis.with(redis -> redis.exists(REDIS.prefix() + key));
        assertThat(stored).isZero();
    }

    @Test
    void everyKeyTheEngineWritesStartsWithTheKeyPrefix() {
        Session session = withValue("_auth_user_id", "prefix-user");
        session.setVerifiedUser("prefix-user");
        String key = saved(session);
        List<String> keys = TestRedis.with(redis -> TestRedis.keys(redis, REDIS.prefix()));
        assertThat(keys).contains(REDIS.prefix() + key, REDIS.prefix() + "user:prefix-user");
        long unprefixed = TestRedis.with(redis -> redis.exists(key));
        assertThat(unprefixed).isZero();
    }

    @Test
    void hashWithUnreadableExpiryIsIgnoredWithASecurityWarning() {
        String key = "unreadableexpiry";
        TestRedis.with(redis -> redis.hset(REDIS.prefix() + key, Map.of("d", "x", "e", "soon")));
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            assertThat(engine.load(key)).isEmpty();
            assertThat(log.lines()).singleElement().asString().startsWith("WARN").contains("…expiry")
                    .doesNotContain(key);
        }
    }

    @Test
    void databaseNumberInTheUriIsUsed() {
        try (RedisEngine db5 = RedisEngine.builder(TestRedis.database(5)).keyPrefix(REDIS.prefix())
                .clock(clock).build()) {
            Session session = Session.open(db5, settings, null);
            session.put("db", 5);
            session.save();
            String key = session.key();
            long inDatabase5 = TestRedis.with(TestRedis.database(5),
                    redis -> redis.exists(REDIS.prefix() + key));
            long inDatabase0 = TestRedis.with(redis -> redis.exists(REDIS.prefix() + key));
            assertThat(inDatabase5).isOne();
            assertThat(inDatabase0).isZero();
            db5.delete(key);
        }
    }

    /** Two application servers (two engines, two connections) incrementing one session lose nothing. */
    @Test
    void twoServersIncrementingOneSessionLoseNoUpdate() throws Exception {
        String key = saved(withValue("count", 0));
        SessionSettings patient = settings.toBuilder().maxSaveAttempts(1000).build();
        try (RedisEngine second = RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).clock(clock)
                .build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    SessionEngine server = t % 2 == 0 ? engine : second;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            Session session = Session.open(server, patient, key);
                            session.compute("count", Integer.class, n -> n + 1);
                            session.save();
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(open(key).get("count")).isEqualTo(400);
    }

    @Test
    void toStringNamesServerAndPrefixButNoPassword() {
        try (RedisEngine withPassword = RedisEngine.builder("redis://:s3cret@127.0.0.1:6379/2").build()) {
            assertThat(withPassword.toString()).isEqualTo(
                    "RedisEngine[Redis at 127.0.0.1:6379 (database 2), keyPrefix=cloakroom:session:,"
                            + " on its own Lettuce client]");
        }
    }
}
