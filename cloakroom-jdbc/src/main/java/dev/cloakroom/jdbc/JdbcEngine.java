package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.ListingStats;
import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.internal.SessionKeys;
import dev.cloakroom.internal.StoredKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code db} engine: sessions in Django's {@code django_session} table on SQLite (the embedded
 * default), PostgreSQL or MariaDB/MySQL, readable and writable by Django itself.
 *
 * <pre>{@code
 * JdbcEngine engine = JdbcEngine.builder("jdbc:postgresql://db.example.com/app?user=app")
 *         .clock(settings.clock())
 *         .build();                       // creates the table if it is missing
 * }</pre>
 *
 * <p>Each operation is one statement in autocommit, on the primary key or an index:
 * <ul>
 *   <li>{@link #load}: {@code SELECT ... WHERE session_key = ? AND expire_date > ?}, now from the
 *       clock;</li>
 *   <li>{@link #create}: {@code INSERT}; a taken key returns {@code false};</li>
 *   <li>{@link #save}: compare-and-set {@code UPDATE ... WHERE session_key = ? AND session_data = ?}; only
 *       when it matches no row does a second {@code SELECT} tell {@link SaveResult#CONFLICT} from
 *       {@link SaveResult#GONE}. A deleted row is never re-created;</li>
 *   <li>{@link #clearExpired}: {@code DELETE}s of at most {@code clearExpiredBatchSize} rows each, so a
 *       cleanup of millions of rows never holds long locks.</li>
 * </ul>
 *
 * <p>When the database is unreachable, every method throws {@link SessionStorageException} within the
 * connection timeout (plus the statement timeout when the database hangs mid-statement), naming the
 * database and the operation; a request never sees a missing session where there is a storage failure.
 * The engine recovers by itself once the database is back: when a pooled connection turns out to be
 * broken (the database restarted), the pool's idle connections are dropped and a read ({@link #load},
 * {@link #exists}, the listing) is retried once on a fresh connection. Writes are never retried: a write
 * whose reply was lost may have happened.
 *
 * <p>With a {@linkplain JdbcEngineBuilder#userColumn() user column}, {@link JdbcEngineBuilder#build()}
 * returns an engine that also implements {@link UserSessionIndex}, with one indexed statement per call;
 * without one (the default, which keeps the table exactly Django's) the engine is not a
 * {@code UserSessionIndex}: ask with {@code engine instanceof UserSessionIndex}. Every engine implements
 * {@link SessionListing} (for the {@code cloakroom} command) with the same pool, dialect and dates.
 *
 * <p>With {@link JdbcEngineBuilder#hashKeys(boolean) hashKeys(true)} the {@code session_key} column holds
 * a hash of each key (40 hex characters, {@link #storedKey}) instead of the key: every method hashes the
 * key it is given, {@link #load} returns the key it was asked with, and the listing
 * ({@link SessionListing}, {@link UserSessionIndex}) shows the hashes. Django can then not share the table.
 *
 * <p>Thread-safe. {@link #close()} closes the pool the engine built from a JDBC URL; a {@link DataSource}
 * passed in is left open for its owner to close.
 */
public sealed class JdbcEngine implements ServerSideEngine, SessionListing, AutoCloseable
        permits IndexedJdbcEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEngine.class);

    final SqlDialect dialect;
    final SqlStatements sql;
    final JdbcConnections connections;
    final Clock clock;
    private final @Nullable HikariDataSource ownedPool;
    private final String table;
    private final @Nullable String userColumn;
    private final String database;
    private final int batchSize;
    private final Duration pause;
    final boolean hashKeys;

    JdbcEngine(DataSource dataSource, @Nullable HikariDataSource ownedPool, SqlDialect dialect,
            String jdbcUrl, String table, @Nullable String userColumn, Clock clock, int batchSize,
            Duration pause, boolean hashKeys) {
        this.hashKeys = hashKeys;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.table = table;
        this.userColumn = userColumn;
        this.sql = SqlStatements.of(dialect, table, userColumn);
        this.database = dialect.describe(jdbcUrl);
        this.connections = new JdbcConnections(dataSource, database, table);
        this.clock = clock;
        this.batchSize = batchSize;
        this.pause = pause;
    }

    /**
     * Returns a builder for an engine on {@code dataSource}, which the caller keeps and closes. The
     * database is recognised from the URL of a {@code HikariDataSource}, otherwise from one connection's
     * metadata when {@link JdbcEngineBuilder#build()} runs.
     */
    public static JdbcEngineBuilder builder(DataSource dataSource) {
        return new JdbcEngineBuilder(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /**
     * Returns a builder for an engine with its own HikariCP pool on {@code jdbcUrl}:
     * {@code jdbc:sqlite:sessions.db}, {@code jdbc:postgresql://host/db?user=u&password=p},
     * {@code jdbc:mariadb://host/db?user=u} or {@code jdbc:mysql://...}. {@link #close()} closes the pool.
     */
    public static JdbcEngineBuilder builder(String jdbcUrl) {
        return new JdbcEngineBuilder(null, Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    }

    /** The table sessions are stored in; by default {@code django_session}. */
    public String table() {
        return table;
    }

    /**
     * Creates the table and its indexes as Django's migration does, if the table is missing, and adds the
     * user column (with its index) if it is turned on and absent. An existing table, for example one made
     * by Django's {@code migrate}, is otherwise left as it is. On SQLite it also turns on WAL mode.
     * Safe to run from several processes at once. {@link JdbcEngineBuilder#build()} runs it unless
     * {@link JdbcEngineBuilder#createSchema(boolean) createSchema(false)}.
     *
     * @return the DDL statements it ran; empty if the schema was already in place
     * @throws SessionStorageException if the database is unreachable or refuses the DDL
     */
    public List<String> migrate() {
        List<String> ran = connections.call("migrate the schema", null,
                c -> new SchemaMigrator(dialect, table, userColumn).migrate(c));
        if (!ran.isEmpty()) {
            LOG.info("Migrated session table {} on {}: {}", table, database, String.join("; ", ran));
        }
        return ran;
    }

    @Override
    public Optional<StoredSession> load(String key) {
        if (!SessionKeys.isValid(key)) {
            return Optional.empty();
        }
        return connections.read("load session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.load())) {
                statement.setString(1, storedKey(key));
                dialect.bindInstant(statement, 2, clock.instant());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredSession(key, row.getString(1), dialect.readInstant(row, 2),
                            userColumn == null ? null : row.getString(3)));
                }
            }
        });
    }

    @Override
    public boolean create(StoredSession session) {
        String key = requireValid(session.key());
        return connections.call("create session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.insert())) {
                statement.setString(1, storedKey(key));
                statement.setString(2, session.data());
                dialect.bindInstant(statement, 3, session.expiresAt());
                if (userColumn != null) {
                    statement.setString(4, session.userId());
                }
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                if (dialect.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        String key = requireValid(next.key());
        String stored = storedKey(key);
        return connections.call("save session", key, c -> {
            int updated;
            String digestSql = sql.replaceByDigest();
            String loadedDigest =
                    loaded == null || digestSql == null ? null : DataDigest.md5Hex(loaded.data());
            String update = loaded == null ? sql.overwrite()
                    : loadedDigest != null && digestSql != null ? digestSql : sql.replace();
            try (PreparedStatement statement = c.prepareStatement(update)) {
                int i = 1;
                statement.setString(i++, next.data());
                dialect.bindInstant(statement, i++, next.expiresAt());
                if (userColumn != null) {
                    statement.setString(i++, next.userId());
                }
                statement.setString(i++, stored);
                if (loaded != null) {
                    statement.setString(i, loadedDigest != null ? loadedDigest : loaded.data());
                }
                updated = statement.executeUpdate();
            }
            return updated > 0 ? SaveResult.SAVED : afterNoRowUpdated(c, stored, loaded, next);
        });
    }

    /**
     * The rare path: the update matched no row, so look whether the row changed or went away. Stored data
     * equal to what the caller loaded <em>and</em> to what it writes is a write of identical values, which
     * a driver counting changed rather than matched rows (MySQL's {@code useAffectedRows}) reports as 0.
     * Stored data merely equal to {@code next} is a conflict: another request computed the same result
     * from the same data, and this request's change must be applied on top of it.
     */
    private SaveResult afterNoRowUpdated(Connection c, String storedKey, @Nullable StoredSession loaded,
            StoredSession next) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql.currentData())) {
            statement.setString(1, storedKey);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return SaveResult.GONE;
                }
                String current = row.getString(1);
                boolean identicalWrite = loaded != null && current.equals(loaded.data())
                        && current.equals(next.data());
                return identicalWrite ? SaveResult.SAVED : SaveResult.CONFLICT;
            }
        }
    }

    @Override
    public void delete(String key) {
        if (SessionKeys.isValid(key)) {
            deleteRow(storedKey(key), key);
        }
    }

    /** Deletes the row under {@code storedKey} as it is, also when the engine hashes keys. */
    @Override
    public boolean deleteStored(String storedKey) {
        return SessionKeys.isValid(storedKey) && deleteRow(storedKey, storedKey);
    }

    private boolean deleteRow(String storedKey, String shownKey) {
        return connections.call("delete session", shownKey, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.delete())) {
                statement.setString(1, storedKey);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /**
     * Returns the hash of {@code sessionKey} ({@link StoredKeys#hash}: SHA-256 cut to 40 hex characters)
     * when the engine was built with {@code hashKeys(true)}, the key itself otherwise.
     */
    @Override
    public String storedKey(String sessionKey) {
        return hashKeys ? StoredKeys.hash(sessionKey) : sessionKey;
    }

    @Override
    public boolean exists(String key) {
        if (!SessionKeys.isValid(key)) {
            return false;
        }
        return connections.read("look up session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.exists())) {
                statement.setString(1, storedKey(key));
                try (ResultSet row = statement.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /**
     * Deletes sessions whose expiry is before now, at most {@code clearExpiredBatchSize} rows per
     * statement (each its own transaction, so live traffic waits for one batch at most), until a batch
     * deletes fewer, with {@code clearExpiredPause} between batches; logs progress at INFO after each full
     * batch. An interrupted thread stops after the batch under way and keeps its interrupt flag.
     *
     * @return how many sessions were deleted
     * @throws SessionStorageException if the database fails; batches already deleted stay deleted
     */
    @Override
    public int clearExpired() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        int total = 0;
        int deleted;
        do {
            deleted = connections.call("clear expired sessions", null, c -> {
                try (PreparedStatement statement = c.prepareStatement(sql.deleteExpiredBatch())) {
                    dialect.bindInstant(statement, 1, now);
                    statement.setInt(2, batchSize);
                    return statement.executeUpdate();
                }
            });
            total += deleted;
            if (deleted >= batchSize) {
                LOG.info("clearExpired on {}: {} expired sessions deleted from {} so far ({} ms), "
                        + "batches of {}", database, total, table, (System.nanoTime() - started) / 1_000_000,
                        batchSize);
                if (!pauseBetweenBatches()) {
                    break;
                }
            }
        } while (deleted >= batchSize);
        if (total >= batchSize) {
            LOG.info("clearExpired on {}: deleted {} expired sessions from {} in {} ms", database, total,
                    table, (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }

    /** Sleeps {@code clearExpiredPause}; false if the thread is interrupted, which ends the cleanup. */
    private boolean pauseBetweenBatches() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (pause.isZero()) {
            return true;
        }
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String description() {
        return "table " + table + " on " + database;
    }

    @Override
    public Optional<StoredSession> find(String key) {
        if (!SessionKeys.isValid(key)) {
            return Optional.empty();
        }
        List<StoredSession> found = connections.read("find session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.find())) {
                statement.setString(1, key);
                return rows(statement);
            }
        });
        return found.stream().findFirst();
    }

    @Override
    public List<StoredSession> live(Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        String query = sql.live() + (limit > 0 ? " LIMIT " + limit : "");
        return connections.read("list sessions", null, c -> {
            try (PreparedStatement statement = c.prepareStatement(query)) {
                dialect.bindInstant(statement, 1, now);
                return rows(statement);
            }
        });
    }

    @Override
    public ListingStats stats(Instant now) {
        return connections.read("count sessions", null, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.stats())) {
                dialect.bindInstant(statement, 1, now);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    long total = row.getLong(2);
                    long live = row.getLong(1);
                    return new ListingStats(live, total - live, row.getLong(3), row.getLong(4));
                }
            }
        });
    }

    /** Reads rows of key, data, expiry [, user]. */
    private List<StoredSession> rows(PreparedStatement statement) throws SQLException {
        List<StoredSession> sessions = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sessions.add(new StoredSession(rows.getString(1), rows.getString(2),
                        dialect.readInstant(rows, 3), userColumn == null ? null : rows.getString(4)));
            }
        }
        return sessions;
    }

    /** Closes the pool the engine built from a JDBC URL; leaves a {@link DataSource} passed in open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcEngine[" + database + ", table " + table
                + (userColumn == null ? "" : ", user column " + userColumn)
                + (hashKeys ? ", keys hashed" : "")
                + (batchSize == JdbcEngineBuilder.DEFAULT_CLEAR_EXPIRED_BATCH_SIZE && pause.isZero() ? ""
                        : ", cleanup in batches of " + batchSize + " rows"
                                + (pause.isZero() ? "" : ", " + pause.toMillis() + " ms apart")) + "]";
    }

    private static String requireValid(String key) {
        if (!SessionKeys.isValid(key)) {
            throw new IllegalArgumentException("Invalid characters or length in session key: keys are 8 "
                    + "to 40 characters from a-z0-9");
        }
        return key;
    }
}
