package dev.cloakroom.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.redis.RedisEngine;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.PrivateRedis;
import dev.cloakroom.testservers.RealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CloakroomMetrics} on {@code cached_db}: a Redis of this test's own in front of the test PostgreSQL,
 * both instrumented. A compare-and-set conflict is counted on PostgreSQL, and while Redis is stopped every
 * request still succeeds and each cache failure counts as a fallback.
 */
class CloakroomMetricsIT {

    @RegisterExtension
    static final PrivateRedis.PerClass REDIS = RealServers.privateRedis();
    @RegisterExtension
    static final ClassDatabase DB = RealServers.postgres();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CloakroomMetrics metrics = new CloakroomMetrics();
    private final SessionSettings settings = SessionSettings.builder().secretKey("metrics-it-secret")
            .listener(metrics).build();
    private final RedisEngine redis = RedisEngine.builder(REDIS.redis().url())
            .keyPrefix("cloakroom-metrics:").commandTimeout(Duration.ofMillis(500)).build();
    private final JdbcEngine jdbc = JdbcEngine.builder(DB.dataSource()).table(DB.table()).userColumn()
            .build();
    private final ServerSideEngine engine = CachedDbEngine.builder(metrics.instrument(redis, "cache"),
            metrics.instrument(jdbc, "db")).retryCacheAfter(Duration.ZERO).listener(metrics).build();

    CloakroomMetricsIT() {
        metrics.bindTo(registry);
    }

    @AfterEach
    void close() {
        redis.close();
        jdbc.close();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private String newSession() {
        Session session = Session.open(engine, settings, null);
        session.put("n", 1);
        session.save();
        return session.key();
    }

    @Test
    void aConflictOnPostgresIsCountedAndRetried() {
        String key = newSession();
        Session first = Session.open(engine, settings, key);
        first.compute("n", Integer.class, n -> n + 1);
        Session second = Session.open(engine, settings, key);
        second.put("n", 10);
        second.save();
        first.save();
        assertThat(Session.open(engine, settings, key).get("n")).isEqualTo(11);
        assertThat(count("cloakroom.session.saves", "engine", "db", "outcome", "conflict")).isEqualTo(1);
        assertThat(count("cloakroom.session.saves", "engine", "db", "outcome", "success")).isEqualTo(2);
        assertThat(count("cloakroom.session.save.retries")).isEqualTo(1);
        assertThat(count("cloakroom.session.creates", "engine", "db", "outcome", "success")).isEqualTo(1);
        assertThat(count("cloakroom.session.loads", "engine", "cache", "outcome", "hit")).isPositive();
        assertThat(registry.get("cloakroom.store.operation").tags("engine", "db", "operation", "save").timer()
                .count()).isEqualTo(3);
        assertThat(count("cloakroom.cache.fallbacks")).isZero();
    }

    @Test
    void whileRedisIsStoppedEachCacheFailureIsAFallbackAndRequestsSucceed() throws Exception {
        String key = newSession();
        REDIS.redis().stop();
        try {
            Session request = Session.open(engine, settings, key);
            request.compute("n", Integer.class, n -> n + 1);
            request.save();
            assertThat(Session.open(engine, settings, key).get("n")).isEqualTo(2);
            // The load's cache read, the save's cache write and the eviction that follows it fail; the second
            // load skips the cache, which may still hold the old value, and reads the database.
            assertThat(count("cloakroom.cache.fallbacks")).isEqualTo(3);
            assertThat(count("cloakroom.session.loads", "engine", "cache", "outcome", "error")).isEqualTo(1);
            assertThat(count("cloakroom.session.saves", "engine", "cache", "outcome", "error")).isEqualTo(1);
            assertThat(count("cloakroom.session.deletes", "engine", "cache", "outcome", "error"))
                    .isEqualTo(1);
            assertThat(count("cloakroom.session.loads", "engine", "db", "outcome", "hit")).isEqualTo(2);
            assertThat(count("cloakroom.session.saves", "engine", "db", "outcome", "success")).isEqualTo(1);
        } finally {
            REDIS.redis().start();
        }
    }
}
