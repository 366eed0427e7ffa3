package dev.cloakroom.redis;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.TestDatabases;
import dev.cloakroom.testservers.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core conformance suite on {@code cached_db}: the shared test Redis in front of the test PostgreSQL. */
class CachedDbRedisPostgresIT extends ServerSideEngineContract {

    private static final String PREFIX = TestRedis.uniquePrefix(CachedDbRedisPostgresIT.class);
    @RegisterExtension
    static final ClassDatabase DB = ClassDatabase.on(TestDatabases::postgres);

    @AfterAll
    static void deleteKeys() throws Exception {
        TestRedis.deleteKeys(PREFIX);
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        RedisEngine cache = RedisEngine.builder(TestRedis.URL).keyPrefix(PREFIX).clock(settings.clock())
                .build();
        JdbcEngine db = JdbcEngine.builder(DB.dataSource()).table(DB.table()).clock(settings.clock())
                .userColumn().build();
        return CachedDbEngine.builder(cache, db).clock(settings.clock()).build();
    }
}
