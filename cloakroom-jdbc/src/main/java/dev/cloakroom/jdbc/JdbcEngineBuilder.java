package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SessionStorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link JdbcEngine}; get one from {@link JdbcEngine#builder(String)} or
 * {@link JdbcEngine#builder(DataSource)}. Each setter documents its default. Not thread-safe; the engine it
 * builds is.
 */
public final class JdbcEngineBuilder {

    /** The user column's name when {@link #userColumn()} turns it on without a name. */
    public static final String DEFAULT_USER_COLUMN = "user_id";

    /** Rows per {@code DELETE} of {@link JdbcEngine#clearExpired()} by default. */
    public static final int DEFAULT_CLEAR_EXPIRED_BATCH_SIZE = 10_000;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Set<String> DJANGO_COLUMNS = Set.of("session_key", "session_data", "expire_date");
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(250);

    private final @Nullable DataSource dataSource;
    private final @Nullable String jdbcUrl;
    private String table = "django_session";
    private Clock clock = Clock.systemUTC();
    private int clearExpiredBatchSize = DEFAULT_CLEAR_EXPIRED_BATCH_SIZE;
    private Duration clearExpiredPause = Duration.ZERO;
    private @Nullable String userColumn;
    private Duration connectionTimeout = Duration.ofSeconds(3);
    private Duration statementTimeout = Duration.ofSeconds(10);
    private int poolSize = 10;
    private boolean createSchema = true;
    private boolean hashKeys;

    JdbcEngineBuilder(@Nullable DataSource dataSource, @Nullable String jdbcUrl) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Sets the table; by default {@code django_session}, Django's.
     *
     * @throws IllegalArgumentException if it is not a plain SQL identifier ({@code [A-Za-z_][A-Za-z0-9_]*},
     *     at most 63 characters)
     */
    public JdbcEngineBuilder table(String table) {
        this.table = identifier("table", table);
        return this;
    }

    /** Sets where the engine reads the time (expiry, cleanup); by default {@link Clock#systemUTC()}. */
    public JdbcEngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets how many rows one {@code DELETE} of {@link JdbcEngine#clearExpired()} removes at most; by
     * default 10,000. Smaller batches hold locks for less time; larger ones finish sooner.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public JdbcEngineBuilder clearExpiredBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("clearExpiredBatchSize must be at least 1, was " + rows);
        }
        this.clearExpiredBatchSize = rows;
        return this;
    }

    /**
     * Sets a pause between two batches of {@link JdbcEngine#clearExpired()}, which leaves the database's
     * CPU and disk to live traffic while a large cleanup runs (the cleanup takes longer); by default none,
     * as Django's {@code clearsessions}.
     *
     * @throws IllegalArgumentException if it is negative or longer than a minute
     */
    public JdbcEngineBuilder clearExpiredPause(Duration pause) {
        Objects.requireNonNull(pause, "clearExpiredPause");
        if (pause.isNegative() || pause.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("clearExpiredPause must be between 0 and 1 minute, was "
                    + pause.toMillis() + " ms");
        }
        this.clearExpiredPause = pause;
        return this;
    }

    /**
     * Turns on the user column {@value #DEFAULT_USER_COLUMN}; see {@link #userColumn(String)}.
     */
    public JdbcEngineBuilder userColumn() {
        return userColumn(DEFAULT_USER_COLUMN);
    }

    /**
     * Turns on a nullable, indexed {@code varchar(255)} column holding each session's user id (the session
     * value named by {@code SessionSettings.userIdKey()}, {@code _auth_user_id} by default), written on
     * every save, so the built engine is a {@link dev.cloakroom.UserSessionIndex}, each call one indexed
     * statement each. Off by default, which keeps the table exactly Django's; {@link JdbcEngine#migrate()}
     * adds the column to an existing table. Django ignores the extra column, but rows Django saves leave it
     * empty, so its sessions are not listed.
     *
     * @throws IllegalArgumentException if it is not a plain SQL identifier or is one of Django's columns
     */
    public JdbcEngineBuilder userColumn(String column) {
        String name = identifier("userColumn", column);
        if (DJANGO_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("userColumn must not be one of Django's columns "
                    + DJANGO_COLUMNS + ", was '" + column + "'");
        }
        this.userColumn = name;
        return this;
    }

    /**
     * Sets how long an operation waits for a connection before failing with a
     * {@link SessionStorageException}; by default 3 seconds. Applies to the pool the engine builds from a
     * JDBC URL (HikariCP's {@code connectionTimeout} and the driver's connect timeout); a {@link DataSource}
     * passed in keeps its own settings.
     *
     * @throws IllegalArgumentException if it is below 250 ms
     */
    public JdbcEngineBuilder connectionTimeout(Duration timeout) {
        this.connectionTimeout = atLeastMinimum("connectionTimeout", timeout);
        return this;
    }

    /**
     * Sets how long one statement may wait for the database; by default 10 seconds. Applies to the pool the
     * engine builds from a JDBC URL: the socket timeout on PostgreSQL and MariaDB, the busy timeout (waiting
     * for another writer) on SQLite.
     *
     * @throws IllegalArgumentException if it is below 250 ms
     */
    public JdbcEngineBuilder statementTimeout(Duration timeout) {
        this.statementTimeout = atLeastMinimum("statementTimeout", timeout);
        return this;
    }

    /**
     * Sets the most connections of the pool the engine builds from a JDBC URL; by default 10.
     *
     * @throws IllegalArgumentException if it is below 1
     */
    public JdbcEngineBuilder poolSize(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + connections);
        }
        this.poolSize = connections;
        return this;
    }

    /**
     * Sets whether {@link #build()} runs {@link JdbcEngine#migrate()}; by default {@code true}: the table is
     * created when missing, an existing one is left alone. Turn it off when the application's user may
     * not run DDL, or to build the engine while the database is down.
     */
    public JdbcEngineBuilder createSchema(boolean createSchema) {
        this.createSchema = createSchema;
        return this;
    }

    /**
     * Sets whether the table holds a hash of each session key instead of the key, so that a copy of the
     * table (a backup, a replica, a dump) gives no live session key; by default {@code false}, which keeps
     * the rows exactly Django's. The stored key is SHA-256 of the key cut to 160 bits, as 40 hex characters,
     * which fits Django's {@code varchar(40)} column, so existing tables need no change; it costs one
     * SHA-256 per operation. Django looks rows up by the raw key, so a Django sharing the table would not
     * find sessions saved with this on: turn it on only for a table Cloakroom alone uses. Sessions stored
     * before it was turned on are not found after (and the other way round).
     */
    public JdbcEngineBuilder hashKeys(boolean hashKeys) {
        this.hashKeys = hashKeys;
        return this;
    }

    /**
     * Builds the engine and, unless {@link #createSchema(boolean) createSchema(false)}, migrates the schema.
     * With a {@linkplain #userColumn() user column} the engine is also a
     * {@link dev.cloakroom.UserSessionIndex}.
     *
     * @throws IllegalArgumentException if the JDBC URL names a database the engine does not support, or an
     *     in-memory SQLite database (each pooled connection would see its own)
     * @throws IllegalStateException if the JDBC driver for the URL is missing; the message gives the Maven
     *     dependency to add
     * @throws SessionStorageException if the database cannot be reached to recognise it (a
     *     {@link DataSource} that is not a HikariCP pool with a JDBC URL) or to migrate the schema
     */
    public JdbcEngine build() {
        if (jdbcUrl != null) {
            SqlDialect dialect = dialectOfUrl(jdbcUrl);
            HikariDataSource pool = pool(jdbcUrl, dialect);
            return migrated(engine(pool, pool, dialect, jdbcUrl));
        }
        DataSource source = Objects.requireNonNull(dataSource);
        String url = source instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : null;
        SqlDialect dialect = url == null ? null : SqlDialect.forUrl(url);
        if (dialect == null) {
            try (Connection c = source.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                url = String.valueOf(meta.getURL());
                dialect = SqlDialect.forUrl(url);
                if (dialect == null) {
                    dialect = SqlDialect.forProduct(meta.getDatabaseProductName());
                }
                if (dialect == null) {
                    throw new IllegalArgumentException("The db engine supports SQLite, PostgreSQL and "
                            + "MariaDB/MySQL; this DataSource is " + meta.getDatabaseProductName());
                }
            } catch (SQLException e) {
                throw new SessionStorageException("Could not connect to the DataSource to recognise its "
                        + "database: " + e.getMessage() + ". Check that the database is running, or pass a "
                        + "HikariDataSource with a JDBC URL.", e);
            }
        }
        // url is the pool's URL, or the driver's when the dialect had to be asked of the database.
        return migrated(engine(source, null, dialect, Objects.requireNonNull(url)));
    }

    /** The engine with the user index when there is a user column, without it otherwise. */
    private JdbcEngine engine(DataSource source, @Nullable HikariDataSource pool, SqlDialect dialect,
            String url) {
        String column = userColumn;
        return column == null
                ? new JdbcEngine(source, pool, dialect, url, table, null, clock, clearExpiredBatchSize,
                        clearExpiredPause, hashKeys)
                : new IndexedJdbcEngine(source, pool, dialect, url, table, column, clock,
                        clearExpiredBatchSize, clearExpiredPause, hashKeys);
    }

    private JdbcEngine migrated(JdbcEngine engine) {
        if (createSchema) {
            try {
                engine.migrate();
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
        return engine;
    }

    private static SqlDialect dialectOfUrl(String url) {
        SqlDialect dialect = SqlDialect.forUrl(url);
        if (dialect == null) {
            throw new IllegalArgumentException("The db engine supports jdbc:sqlite:, jdbc:postgresql:, "
                    + "jdbc:mariadb: and jdbc:mysql: URLs; got one starting '"
                    + url.substring(0, Math.min(url.length(), url.indexOf(':', 5) + 1)) + "'");
        }
        if (dialect instanceof SqliteDialect && (url.contains(":memory:") || url.contains("mode=memory"))) {
            throw new IllegalArgumentException("An in-memory SQLite database is private to each pooled "
                    + "connection; use a file (jdbc:sqlite:sessions.db), or MemoryEngine for tests.");
        }
        if (!dialect.driverPresent(url)) {
            throw new IllegalStateException("You're missing the " + dialect.displayName() + " JDBC driver ("
                    + dialect.driverClass() + "). Add the dependency: " + dialect.driverDependency());
        }
        return dialect;
    }

    private HikariDataSource pool(String url, SqlDialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.driverUrl(url));
        config.setPoolName("cloakroom-" + table);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(connectionTimeout.toMillis(), 5_000));
        config.setInitializationFailTimeout(-1); // start even while the database is down; connect on demand
        config.setAutoCommit(true);
        SqlDialect.unlessInUrl(url, dialect.driverProperties(connectionTimeout, statementTimeout))
                .forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    private static String identifier(String setting, String name) {
        Objects.requireNonNull(name, setting);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + " must be a plain SQL identifier "
                    + "([A-Za-z_][A-Za-z0-9_]*, at most 63 characters), was '" + name + "'");
        }
        return name;
    }

    private static Duration atLeastMinimum(String setting, Duration timeout) {
        Objects.requireNonNull(timeout, setting);
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            throw new IllegalArgumentException(setting + " must be at least 250 ms, was " + timeout.toMillis()
                    + " ms");
        }
        return timeout;
    }

    @Override
    public String toString() {
        return "JdbcEngineBuilder[table=" + table + ", userColumn=" + userColumn + ", clearExpiredBatchSize="
                + clearExpiredBatchSize + ", clearExpiredPause=" + clearExpiredPause.toMillis() + "ms"
                + ", connectionTimeout=" + connectionTimeout.toMillis() + "ms"
                + ", statementTimeout=" + statementTimeout.toMillis() + "ms, poolSize=" + poolSize
                + ", createSchema=" + createSchema + ", hashKeys=" + hashKeys + "]";
    }
}
