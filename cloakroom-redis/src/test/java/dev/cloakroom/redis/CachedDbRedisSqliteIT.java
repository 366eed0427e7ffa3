package dev.cloakroom.redis;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The core conformance suite on {@code cached_db}: the shared test Redis in front of an SQLite file. */
class CachedDbRedisSqliteIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @TempDir
    Path directory;

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        RedisEngine cache = RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).clock(settings.clock())
                .build();
        JdbcEngine db = JdbcEngine.builder(TestDatabases.sqliteUrl(directory.resolve("sessions.db")))
                .clock(settings.clock()).userColumn().build();
        return CachedDbEngine.builder(cache, db).clock(settings.clock()).build();
    }
}
