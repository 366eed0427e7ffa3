package dev.cloakroom.redis;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core conformance suite on {@code cached_db}: the shared test Redis in front of the test PostgreSQL. */
class CachedDbRedisPostgresIT extends ServerSideEngineContract {

    private static final String PREFIX = TestRedis.uniquePrefix(CachedDbRedisPostgresIT.class);
    private static final String TABLE = TestDatabases.uniqueTableName();
    private static HikariDataSource dataSource;

    @BeforeAll
    static void openDataSource() {
        dataSource = TestDatabases.postgres();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestRedis.deleteKeys(PREFIX);
        TestDatabases.dropTable(dataSource, TABLE);
        dataSource.close();
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        RedisEngine cache = RedisEngine.builder(TestRedis.URL).keyPrefix(PREFIX).clock(settings.clock())
                .build();
        JdbcEngine db = JdbcEngine.builder(dataSource).table(TABLE).clock(settings.clock()).userColumn()
                .build();
        return CachedDbEngine.builder(cache, db).clock(settings.clock()).build();
    }
}
