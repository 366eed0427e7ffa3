package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.internal.SessionKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link JdbcEngine} runs its statements: one unit of work per pooled connection, committed (or rolled
 * back) when the connection is not in autocommit; a read retried once on a fresh connection when its
 * connection turns out to be broken; every failure a {@link SessionStorageException} naming the database,
 * the operation and the table, with the session key shortened.
 */
final class JdbcConnections {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEngine.class);

    private final DataSource dataSource;
    private final String database;
    private final String table;

    JdbcConnections(DataSource dataSource, String database, String table) {
        this.dataSource = dataSource;
        this.database = database;
        this.table = table;
    }

    /** One unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read: retried once on a fresh connection when its connection turns out to be broken. */
    <T> T read(String operation, @Nullable String key, Work<T> work) {
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
    <T> T call(String operation, @Nullable String key, Work<T> work) {
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

    SessionStorageException failure(String operation, @Nullable String key, SQLException e) {
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
}
