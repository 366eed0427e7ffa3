package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SaveResult;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.internal.SessionKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
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
 * {@link #exists}, {@link #sessionsOf}) is retried once on a fresh connection. Writes are never retried:
 * a write whose reply was lost may have happened.
 *
 * <p>With a {@linkplain JdbcEngineBuilder#userColumn() user column}, the engine also implements
 * {@link UserSessionIndex} with one indexed statement per call; without one (the default, which keeps the
 * table exactly Django's), {@link #sessionsOf} and {@link #revokeAll} throw
 * {@link UnsupportedOperationException}.
 *
 * <p>Thread-safe. {@link #close()} closes the pool the engine built from a JDBC URL; a {@link DataSource}
 * passed in is left open for its owner to close.
 */
public final class JdbcEngine implements SessionEngine, UserSessionIndex, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEngine.class);

    private final DataSource dataSource;
    private final @Nullable HikariDataSource ownedPool;
    private final SqlDialect dialect;
    private final SqlStatements sql;
    private final String table;
    private final @Nullable String userColumn;
    private final String database;
    private final Clock clock;
    private final int batchSize;
    private final Duration pause;

    JdbcEngine(DataSource dataSource, @Nullable HikariDataSource ownedPool, SqlDialect dialect,
            String jdbcUrl, String table, @Nullable String userColumn, Clock clock, int batchSize,
            Duration pause) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.table = table;
        this.userColumn = userColumn;
        this.sql = SqlStatements.of(dialect, table, userColumn);
        this.database = dialect.describe(jdbcUrl);
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

    /** Whether the table has a user column, so that {@link #sessionsOf} and {@link #revokeAll} work. */
    public boolean hasUserColumn() {
        return userColumn != null;
    }

    /** True only with the user column turned on ({@link JdbcEngineBuilder#userColumn()}). */
    @Override
    public boolean indexesUsers() {
        return hasUserColumn();
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
        List<String> ran = call("migrate the schema", null,
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
        return read("load session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.load())) {
                statement.setString(1, key);
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
        return call("create session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.insert())) {
                statement.setString(1, key);
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
        return call("save session", key, c -> {
            int updated;
            String update = loaded == null ? sql.overwrite() : sql.replace();
            try (PreparedStatement statement = c.prepareStatement(update)) {
                int i = 1;
                statement.setString(i++, next.data());
                dialect.bindInstant(statement, i++, next.expiresAt());
                if (userColumn != null) {
                    statement.setString(i++, next.userId());
                }
                statement.setString(i++, key);
                if (loaded != null) {
                    statement.setString(i, loaded.data());
                }
                updated = statement.executeUpdate();
            }
            return updated > 0 ? SaveResult.SAVED : afterNoRowUpdated(c, key, loaded, next);
        });
    }

    /**
     * The rare path: the update matched no row, so look whether the row changed or went away. Stored data
     * equal to what the caller loaded <em>and</em> to what it writes is a write of identical values, which
     * a driver counting changed rather than matched rows (MySQL's {@code useAffectedRows}) reports as 0.
     * Stored data merely equal to {@code next} is a conflict: another request computed the same result
     * from the same data, and this request's change must be applied on top of it.
     */
    private SaveResult afterNoRowUpdated(Connection c, String key, @Nullable StoredSession loaded,
            StoredSession next) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql.currentData())) {
            statement.setString(1, key);
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
            call("delete session", key, c -> {
                try (PreparedStatement statement = c.prepareStatement(sql.delete())) {
                    statement.setString(1, key);
                    return statement.executeUpdate();
                }
            });
        }
    }

    @Override
    public boolean exists(String key) {
        if (!SessionKeys.isValid(key)) {
            return false;
        }
        return read("look up session", key, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql.exists())) {
                statement.setString(1, key);
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
            deleted = call("clear expired sessions", null, c -> {
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

    /**
     * Returns the user's live sessions, soonest expiry first: one query on the user column's index.
     *
     * @throws UnsupportedOperationException if the engine was built without a user column
     * @throws SessionStorageException if the database fails
     */
    @Override
    public List<SessionSummary> sessionsOf(String userId) {
        String query = requireUserColumn(sql.sessionsOf());
        Objects.requireNonNull(userId, "userId");
        return read("list a user's sessions", null, c -> {
            try (PreparedStatement statement = c.prepareStatement(query)) {
                statement.setString(1, userId);
                dialect.bindInstant(statement, 2, clock.instant());
                List<SessionSummary> sessions = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(new SessionSummary(rows.getString(1), dialect.readInstant(rows, 2),
                                null));
                    }
                }
                return sessions;
            }
        });
    }

    /**
     * Deletes every session of the user, expired or not, except {@code exceptKey}: one statement on the
     * user column's index.
     *
     * @throws UnsupportedOperationException if the engine was built without a user column
     * @throws SessionStorageException if the database fails
     */
    @Override
    public int revokeAll(String userId, @Nullable String exceptKey) {
        String all = requireUserColumn(sql.revokeAll());
        Objects.requireNonNull(userId, "userId");
        return call("revoke a user's sessions", null, c -> {
            String delete = exceptKey == null ? all : sql.revokeAllExcept();
            try (PreparedStatement statement = c.prepareStatement(delete)) {
                statement.setString(1, userId);
                if (exceptKey != null) {
                    statement.setString(2, exceptKey);
                }
                return statement.executeUpdate();
            }
        });
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
                + (userColumn == null ? "" : ", user column " + userColumn) + "]";
    }

    /** One unit of work on a connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read: retried once on a fresh connection when its connection turns out to be broken. */
    private <T> T read(String operation, @Nullable String key, Work<T> work) {
        try {
            return attempt(operation, key, work);
        } catch (BrokenConnection broken) {
            LOG.warn("A pooled connection to {} broke ({}); dropped idle connections, retrying the read once",
                    database, broken.sqlCause().getMessage());
            try {
                return attempt(operation, key, work);
            } catch (BrokenConnection again) {
                throw failure(operation, key, again.sqlCause());
            }
        }
    }

    /** Runs a write, or anything not safe to repeat: a statement whose reply was lost may have run. */
    private <T> T call(String operation, @Nullable String key, Work<T> work) {
        try {
            return attempt(operation, key, work);
        } catch (BrokenConnection broken) {
            throw failure(operation, key, broken.sqlCause());
        }
    }

    /**
     * Runs {@code work} on a pooled connection. In autocommit (the engine's own pool, and most pools) each
     * statement commits by itself; on a connection handed out with autocommit off, the work is committed,
     * or rolled back on failure, so no transaction is left open. Failing to get a connection is final (the
     * pool already waited its timeout); a connection that breaks in use makes the pool drop its idle
     * connections, which are likely as dead (the database restarted), and is reported as
     * {@link BrokenConnection}.
     */
    private <T> T attempt(String operation, @Nullable String key, Work<T> work) throws BrokenConnection {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(operation, key, e);
        }
        try (c) {
            boolean manual = !c.getAutoCommit();
            try {
                T result = work.run(c);
                if (manual) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (manual) {
                    rollbackQuietly(c, e);
                }
                throw e;
            }
        } catch (SQLException e) {
            if (isBrokenConnection(e)) {
                evictIdleConnections();
                throw new BrokenConnection(e);
            }
            throw failure(operation, key, e);
        }
    }

    /** SQLState class 08 (connection exception), as drivers and HikariCP classify a dead connection. */
    private static boolean isBrokenConnection(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException
                || (state != null && state.startsWith("08"));
    }

    private void evictIdleConnections() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** A connection broke while in use; the cause is the driver's exception. */
    private static final class BrokenConnection extends Exception {
        private static final long serialVersionUID = 1L;

        private final SQLException sqlCause;

        BrokenConnection(SQLException cause) {
            super(cause);
            this.sqlCause = cause;
        }

        SQLException sqlCause() {
            return sqlCause;
        }
    }

    private static void rollbackQuietly(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private SessionStorageException failure(String operation, @Nullable String key, SQLException e) {
        String what = key == null ? operation : operation + " …" + SessionKeys.suffix(key);
        String detail = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !detail.contains(cause.getMessage())) {
            detail += " (" + cause.getMessage() + ")";
        }
        if (key != null) {
            detail = detail.replace(key, "…" + SessionKeys.suffix(key));
        }
        return new SessionStorageException(database + " failed to " + what + " in table " + table + ": "
                + detail + ". Check that the database is running and reachable; the engine reconnects by "
                + "itself once it is.", e);
    }

    private static String requireValid(String key) {
        if (!SessionKeys.isValid(key)) {
            throw new IllegalArgumentException("Invalid characters or length in session key: keys are 8 "
                    + "to 40 characters from a-z0-9");
        }
        return key;
    }

    private String requireUserColumn(@Nullable String statement) {
        if (statement == null) {
            throw new UnsupportedOperationException("This JdbcEngine on table " + table + " has no user "
                    + "column, so it cannot list or revoke a user's sessions. Build it with "
                    + "JdbcEngine.builder(...).userColumn() (column user_id) or .userColumn(\"<column>\").");
        }
        return statement;
    }
}
