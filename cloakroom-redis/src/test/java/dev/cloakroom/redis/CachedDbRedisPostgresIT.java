package dev.cloakroom.redis;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core conformance suite on {@code cached_db}: the shared test Redis in front of the test PostgreSQL. */
class CachedDbRedisPostgresIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();
    @RegisterExtension
    static final ClassDatabase DB = RealServers.postgres();


    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        RedisEngine cache = RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).clock(settings.clock())
                .build();
        JdbcEngine db = JdbcEngine.builder(DB.dataSource()).table(DB.table()).clock(settings.clock())
                .userColumn().build();
        return CachedDbEngine.builder(cache, db).clock(settings.clock()).build();
    }
}
