package dev.cloakroom.spring.boot;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import dev.cloakroom.engine.EncryptedCookieEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Opens the engine of the properties. Where Django would use the project's database or cache, so does this:
 * {@code db} without {@code cloakroom.jdbc.url} runs on the application's {@link DataSource}, {@code cache}
 * without {@code cloakroom.redis.url} on the Redis of {@code spring.data.redis.*} (read by
 * {@link EnvironmentSettings}). The cookie engines take the application's {@link SessionSettings}, whose
 * secret key signs the cookie.
 */
final class EngineOpener {

    private EngineOpener() {
    }

    static OpenedEngine open(Settings settings, SessionSettings session, @Nullable DataSource dataSource,
            ListableBeanFactory beanFactory) {
        String name = engineName(settings, dataSource);
        DataSource application = settings.isSet(CloakroomSettings.JDBC_URL) ? null : dataSource;
        switch (name) {
            case "db":
                if (application != null) {
                    return DataSourceEngines.db(application, settings);
                }
                requireJdbcUrl(settings);
                return Engines.open(settings, Schema.CREATE_MISSING);
            case "cached_db":
                if (application != null) {
                    return DataSourceEngines.cachedDb(RedisEngines.open(settings, beanFactory), application,
                            settings);
                }
                requireJdbcUrl(settings);
                return Engines.open(settings, Schema.CREATE_MISSING);
            case "cache":
                return RedisEngines.open(settings, beanFactory);
            case "signed_cookies":
                return new OpenedEngine(SignedCookieEngine.create(session), name, "in the browser's cookie",
                        List.of());
            case "encrypted_cookies":
                return new OpenedEngine(EncryptedCookieEngine.create(session), name,
                        "in the browser's cookie, encrypted", List.of());
            default:
                return Engines.open(settings, Schema.CREATE_MISSING);
        }
    }

    private static String engineName(Settings settings, @Nullable DataSource dataSource) {
        if (settings.isSet(CloakroomSettings.ENGINE)) {
            return settings.engineName();
        }
        if (dataSource == null && !settings.isSet(CloakroomSettings.JDBC_URL)) {
            throw new ConfigurationException("cloakroom.engine is not set and the application has no "
                    + "DataSource: set cloakroom.engine to db (with a DataSource or cloakroom.jdbc.url), "
                    + "cache, cached_db, file, signed_cookies, encrypted_cookies or memory");
        }
        return "db";
    }

    private static void requireJdbcUrl(Settings settings) {
        if (!settings.isSet(CloakroomSettings.JDBC_URL)) {
            throw new ConfigurationException("cloakroom.engine=" + settings.engineName()
                    + " needs a database: define a DataSource (spring.datasource.url) or set "
                    + "cloakroom.jdbc.url");
        }
    }

    /** Fails with the message of {@link Engines} when {@code module}'s class is missing. */
    static void requireModule(String engine, String module, String className) {
        if (!ClassUtils.isPresent(className, EngineOpener.class.getClassLoader())) {
            throw new ConfigurationException("engine '" + engine + "' needs " + module
                    + " on the class path");
        }
    }
}
