package dev.cloakroom.jdbc;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.EngineFactory;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Redaction;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Opens the {@code db} engine from settings ({@code jdbc.url}, {@code jdbc.table}, {@code jdbc.user-column},
 * {@code hash-keys}):
 * the {@link dev.cloakroom.config.EngineFactory} this module registers.
 */
public final class JdbcEngineFactory implements EngineFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls it. */
    public JdbcEngineFactory() {
    }

    @Override
    public Set<String> engines() {
        return Set.of("db");
    }

    @Override
    public OpenedEngine open(String name, Settings settings, Schema schema) {
        String url = settings.get(CloakroomSettings.JDBC_URL);
        String shown = Redaction.url(url);
        SessionSettings session = settings.sessionSettings();
        JdbcEngine engine;
        try {
            engine = build(settings, session, url, schema);
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw settings.cannotUse(CloakroomSettings.JDBC_URL, shown, e);
        }
        return new OpenedEngine(engine, name, shown, List.of(engine));
    }

    /**
     * Opens the {@code db} engine on {@code dataSource} (an application's pool, which the caller keeps and
     * closes) with {@code settings}' {@code jdbc.table}, {@code jdbc.user-column}, {@code hash-keys} and
     * cleanup pace; {@code jdbc.url} is not read. As {@link #open(String, Settings, Schema)}, the user column
     * is used when {@code schema} creates it or the table has it.
     *
     * @throws ConfigurationException if {@code jdbc.table} or {@code jdbc.user-column} cannot be used, or the
     *     database is not one the engine supports
     * @throws dev.cloakroom.SessionStorageException if the database cannot be reached
     */
    public static OpenedEngine open(DataSource dataSource, Settings settings, Schema schema) {
        SessionSettings session = settings.sessionSettings();
        String table = settings.get(CloakroomSettings.JDBC_TABLE);
        String userColumn = settings.get(CloakroomSettings.JDBC_USER_COLUMN);
        boolean withColumn = schema != Schema.USE_EXISTING
                || JdbcTables.hasColumn(dataSource, table, userColumn);
        JdbcEngineBuilder builder = JdbcEngine.builder(dataSource).clock(session.clock())
                .createSchema(schema == Schema.CREATE_MISSING)
                .hashKeys(settings.get(CloakroomSettings.HASH_KEYS));
        paceCleanup(builder, settings);
        try {
            builder.table(table);
        } catch (IllegalArgumentException e) {
            throw settings.cannotUse(CloakroomSettings.JDBC_TABLE, table, e);
        }
        if (withColumn) {
            try {
                builder.userColumn(userColumn);
            } catch (IllegalArgumentException e) {
                throw settings.cannotUse(CloakroomSettings.JDBC_USER_COLUMN, userColumn, e);
            }
        }
        JdbcEngine engine;
        try {
            engine = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Cannot use the DataSource for the db engine: " + e.getMessage(),
                    e);
        }
        return new OpenedEngine(engine, "db", engine.toString(), List.of(engine));
    }

    private static JdbcEngine build(Settings settings, SessionSettings session, String url, Schema schema) {
        String table = settings.get(CloakroomSettings.JDBC_TABLE);
        String userColumn = settings.get(CloakroomSettings.JDBC_USER_COLUMN);
        JdbcEngineBuilder plain = builder(settings, session, url, schema);
        if (schema == Schema.USE_EXISTING) {
            JdbcEngine withoutColumn = plain.build(); // checks the URL before any connection
            boolean hasColumn;
            try {
                hasColumn = JdbcTables.hasColumn(url, table, userColumn);
            } catch (RuntimeException e) {
                withoutColumn.close();
                throw e;
            }
            if (!hasColumn) {
                return withoutColumn;
            }
            withoutColumn.close();
        }
        JdbcEngineBuilder withColumn = builder(settings, session, url, schema);
        try {
            withColumn.userColumn(userColumn);
        } catch (IllegalArgumentException e) {
            throw settings.cannotUse(CloakroomSettings.JDBC_USER_COLUMN, userColumn, e);
        }
        return withColumn.build();
    }

    private static JdbcEngineBuilder builder(Settings settings, SessionSettings session, String url,
            Schema schema) {
        JdbcEngineBuilder builder = JdbcEngine.builder(url).clock(session.clock())
                .createSchema(schema == Schema.CREATE_MISSING)
                .hashKeys(settings.get(CloakroomSettings.HASH_KEYS));
        paceCleanup(builder, settings);
        String table = settings.get(CloakroomSettings.JDBC_TABLE);
        try {
            return builder.table(table);
        } catch (IllegalArgumentException e) {
            throw settings.cannotUse(CloakroomSettings.JDBC_TABLE, table, e);
        }
    }

    /** {@code jdbc.clear-expired-batch-size} and {@code jdbc.clear-expired-pause}. */
    private static void paceCleanup(JdbcEngineBuilder builder, Settings settings) {
        builder.clearExpiredBatchSize(settings.get(CloakroomSettings.JDBC_CLEAR_EXPIRED_BATCH_SIZE))
                .clearExpiredPause(settings.get(CloakroomSettings.JDBC_CLEAR_EXPIRED_PAUSE));
    }
}
