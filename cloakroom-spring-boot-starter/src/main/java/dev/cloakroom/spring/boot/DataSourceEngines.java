package dev.cloakroom.spring.boot;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngineFactory;
import java.util.List;
import javax.sql.DataSource;

/** The engines on the application's {@link DataSource}; the only class here that needs cloakroom-jdbc. */
final class DataSourceEngines {

    private static final String JDBC_ENGINE = "dev.cloakroom.jdbc.JdbcEngine";

    private DataSourceEngines() {
    }

    /** {@code db} on {@code dataSource}, its table created if missing. */
    static OpenedEngine db(DataSource dataSource, Settings settings) {
        EngineOpener.requireModule("db", "cloakroom-jdbc", JDBC_ENGINE);
        return JdbcEngineFactory.open(dataSource, settings, Schema.CREATE_MISSING);
    }

    /** {@code cached_db}: {@code cache} in front of {@code db} on {@code dataSource}. */
    static OpenedEngine cachedDb(OpenedEngine cache, DataSource dataSource, Settings settings) {
        EngineOpener.requireModule("cached_db", "cloakroom-jdbc", JDBC_ENGINE);
        OpenedEngine db;
        try {
            db = db(dataSource, settings);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        CachedDbEngine engine = CachedDbEngine.builder((ServerSideEngine) cache.engine(),
                (ServerSideEngine) db.engine()).clock(settings.sessionSettings().clock()).build();
        return new OpenedEngine(engine, "cached_db", cache.description() + " in front of " + db.description(),
                List.of(db, cache));
    }
}
