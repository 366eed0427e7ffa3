package dev.cloakroom.cli;

import dev.cloakroom.demo.config.Variable;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags that override {@code CLOAKROOM_*} variables; every command that opens an engine has them. */
final class ConfigOptions {

    @Option(names = "--engine", paramLabel = "NAME",
            description = "db, cache, cached_db, file, signed_cookies or memory (CLOAKROOM_ENGINE; default "
                    + "db).")
    @Nullable String engine;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "JDBC URL of db/cached_db (CLOAKROOM_DATABASE_URL; default "
                    + "jdbc:sqlite:./cloakroom.sqlite3).")
    @Nullable String databaseUrl;

    @Option(names = "--redis-url", paramLabel = "URI",
            description = "Redis URI of cache/cached_db (CLOAKROOM_REDIS_URL; default "
                    + "redis://127.0.0.1:6379/0).")
    @Nullable String redisUrl;

    @Option(names = "--redis-key-prefix", paramLabel = "PREFIX",
            description = "Prefix of the Redis keys (CLOAKROOM_REDIS_KEY_PREFIX; default "
                    + "cloakroom:session:).")
    @Nullable String redisKeyPrefix;

    @Option(names = "--file-path", paramLabel = "DIR",
            description = "Directory of the file engine (CLOAKROOM_FILE_PATH; default the temporary "
                    + "directory).")
    @Nullable String filePath;

    @Option(names = "--secret-key", paramLabel = "KEY",
            description = "SECRET_KEY (CLOAKROOM_SECRET_KEY; default: generated once into "
                    + "./.cloakroom-secret). Prefer the variable: flags show in the process list.")
    @Nullable String secretKey;

    @Option(names = "--secret-key-fallbacks", paramLabel = "KEY,...",
            description = "Older keys still accepted, comma-separated (CLOAKROOM_SECRET_KEY_FALLBACKS).")
    @Nullable String secretKeyFallbacks;

    @Option(names = "--cookie-name", paramLabel = "NAME",
            description = "SESSION_COOKIE_NAME, also the file engine's prefix (CLOAKROOM_COOKIE_NAME; "
                    + "default sessionid).")
    @Nullable String cookieName;

    @Option(names = "--cookie-age", paramLabel = "SECONDS",
            description = "SESSION_COOKIE_AGE (CLOAKROOM_COOKIE_AGE; default 1209600).")
    @Nullable String cookieAge;

    Map<Variable, String> flags() {
        Map<Variable, String> flags = new EnumMap<>(Variable.class);
        put(flags, Variable.ENGINE, engine);
        put(flags, Variable.DATABASE_URL, databaseUrl);
        put(flags, Variable.REDIS_URL, redisUrl);
        put(flags, Variable.REDIS_KEY_PREFIX, redisKeyPrefix);
        put(flags, Variable.FILE_PATH, filePath);
        put(flags, Variable.SECRET_KEY, secretKey);
        put(flags, Variable.SECRET_KEY_FALLBACKS, secretKeyFallbacks);
        put(flags, Variable.COOKIE_NAME, cookieName);
        put(flags, Variable.COOKIE_AGE, cookieAge);
        return flags;
    }

    private static void put(Map<Variable, String> flags, Variable variable, @Nullable String value) {
        if (value != null) {
            flags.put(variable, value);
        }
    }
}
