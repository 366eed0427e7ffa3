package dev.cloakroom.demo.config;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.jdbc.JdbcEngineBuilder;
import dev.cloakroom.redis.RedisEngine;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine an {@link EnvironmentConfig} names, opened, with what is needed to describe and close it.
 * {@link #close()} closes connection pools the engine opened. Thread-safe.
 */
public final class OpenEngine implements AutoCloseable {

    /** The table of the {@code db} engine: Django's. */
    public static final String TABLE = "django_session";

    private final SessionEngine engine;
    private final EngineKind kind;
    private final String description;
    private final List<AutoCloseable> resources;

    private OpenEngine(SessionEngine engine, EngineKind kind, String description,
            List<AutoCloseable> resources) {
        this.engine = engine;
        this.kind = kind;
        this.description = description;
        this.resources = resources;
    }

    /** What {@link #open} does about the {@code db} engine's table. */
    public enum Schema {
        /**
         * Create the table, with the indexed {@code user_id} column "your sessions" needs, if it is missing:
         * what the demo does.
         */
        CREATE_MISSING,
        /** Create nothing; use the user column only if the table already has it: what CLI commands do. */
        USE_EXISTING,
        /**
         * Create nothing now but build with the user column, for a {@link JdbcEngine#migrate()} to follow.
         */
        MIGRATE_LATER
    }

    /**
     * Opens the engine {@code config} names, with {@code config.settings()}'s clock.
     *
     * @param schema what to do about the {@code db} and {@code cached_db} table
     * @throws ConfigurationException if the engine cannot be built from the configuration (a JDBC URL of an
     *     unsupported database, a missing directory, a missing driver)
     * @throws dev.cloakroom.SessionStorageException if the database is unreachable and had to be asked
     */
    public static OpenEngine open(EnvironmentConfig config, Schema schema) {
        SessionSettings settings = config.settings();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            switch (config.engine()) {
                case MEMORY:
                    return new OpenEngine(MemoryEngine.create(settings.clock()), EngineKind.MEMORY,
                            "in this process only", resources);
                case SIGNED_COOKIES:
                    return new OpenEngine(SignedCookieEngine.create(settings), EngineKind.SIGNED_COOKIES,
                            "in the browser's cookie", resources);
                case FILE:
                    FileEngine file = checked(Variable.FILE_PATH, config.filePath().toString(),
                            () -> FileEngine.builder(settings).directory(config.filePath()).build());
                    return new OpenEngine(file, EngineKind.FILE, "files in " + config.filePath(), resources);
                case DB:
                    JdbcEngine db = openDb(config, settings, schema);
                    resources.add(db);
                    return new OpenEngine(db, EngineKind.DB, Redaction.url(config.databaseUrl()), resources);
                case CACHE:
                    RedisEngine cache = openRedis(config, settings);
                    resources.add(cache);
                    return new OpenEngine(cache, EngineKind.CACHE, Redaction.url(config.redisUrl()),
                            resources);
                case CACHED_DB:
                default:
                    RedisEngine front = openRedis(config, settings);
                    resources.add(front);
                    JdbcEngine back = openDb(config, settings, schema);
                    resources.add(back);
                    CachedDbEngine cachedDb = CachedDbEngine.builder(front, back).clock(settings.clock())
                            .build();
                    resources.clear();
                    resources.add(cachedDb); // closes both
                    return new OpenEngine(cachedDb, EngineKind.CACHED_DB, Redaction.url(config.redisUrl())
                            + " in front of " + Redaction.url(config.databaseUrl()), resources);
            }
        } catch (RuntimeException e) {
            closeAll(resources, e);
            throw e;
        }
    }

    private static JdbcEngine openDb(EnvironmentConfig config, SessionSettings settings, Schema schema) {
        String url = config.databaseUrl();
        return checked(Variable.DATABASE_URL, Redaction.url(url), () -> {
            JdbcEngine plain = builder(url, settings, schema).build(); // checks the URL before any connection
            if (schema == Schema.USE_EXISTING) {
                boolean userColumn;
                try {
                    userColumn = JdbcTables.hasColumn(url, TABLE, JdbcEngineBuilder.DEFAULT_USER_COLUMN);
                } catch (RuntimeException e) {
                    plain.close();
                    throw e;
                }
                if (!userColumn) {
                    return plain;
                }
                plain.close();
            } else if (schema == Schema.CREATE_MISSING) {
                return plain;
            }
            return builder(url, settings, schema).userColumn().build();
        });
    }

    private static JdbcEngineBuilder builder(String url, SessionSettings settings, Schema schema) {
        JdbcEngineBuilder builder = JdbcEngine.builder(url).clock(settings.clock())
                .createSchema(schema == Schema.CREATE_MISSING);
        return schema == Schema.CREATE_MISSING ? builder.userColumn() : builder;
    }

    private static RedisEngine openRedis(EnvironmentConfig config, SessionSettings settings) {
        return checked(Variable.REDIS_URL, Redaction.url(config.redisUrl()), () ->
                RedisEngine.builder(config.redisUrl()).keyPrefix(config.redisKeyPrefix())
                        .clock(settings.clock())
                        .build());
    }

    /**
     * Runs a builder, turning its configuration errors into a {@link ConfigurationException} naming the
     * variable.
     */
    private static <T> T checked(Variable variable, String shownValue, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigurationException("Cannot use " + variable.environmentName() + " '" + shownValue
                    + "': "
                    + e.getMessage(), e);
        }
    }

    /** The engine. */
    public SessionEngine engine() {
        return engine;
    }

    /** Which engine it is. */
    public EngineKind kind() {
        return kind;
    }

    /** The engine's name as {@code CLOAKROOM_ENGINE} spells it: {@code db}, {@code cache}... */
    public String name() {
        return kind.id();
    }

    /** Where it keeps sessions, without passwords: {@code jdbc:sqlite:/srv/cloakroom.sqlite3}. */
    public String description() {
        return description;
    }

    /**
     * The {@code db} engine inside this one ({@code db} itself, or {@code cached_db}'s database), or null.
     */
    public @Nullable JdbcEngine jdbc() {
        if (engine instanceof CachedDbEngine cachedDb) {
            return cachedDb.database() instanceof JdbcEngine db ? db : null;
        }
        return engine instanceof JdbcEngine db ? db : null;
    }

    /** Closes the pools and clients the engine opened; never throws. */
    @Override
    public void close() {
        closeAll(resources, null);
    }

    private static void closeAll(List<AutoCloseable> resources, @Nullable Throwable failure) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "OpenEngine[" + kind + ", " + description + "]";
    }
}
