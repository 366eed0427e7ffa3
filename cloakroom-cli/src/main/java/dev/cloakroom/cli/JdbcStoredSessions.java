package dev.cloakroom.cli;

import dev.cloakroom.SessionStorageException;
import dev.cloakroom.config.Redaction;
import dev.cloakroom.internal.PythonDates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code django_session} table read with one plain JDBC connection: {@code expire_date} read and
 * compared as Django stores it on each database (UTC text on SQLite, {@code timestamptz} on PostgreSQL,
 * UTC {@code datetime(6)} on MariaDB/MySQL).
 */
final class JdbcStoredSessions implements StoredSessions {

    private enum Dates { SQLITE, POSTGRES, MARIADB }

    private final Connection connection;
    private final String url;
    private final String table;
    private final @Nullable String userColumn;
    private final Dates dates;

    private JdbcStoredSessions(Connection connection, String url, String table, @Nullable String userColumn) {
        this.connection = connection;
        this.url = url;
        this.table = table;
        this.userColumn = userColumn;
        String lower = url.toLowerCase(Locale.ROOT);
        this.dates = lower.startsWith("jdbc:sqlite:") ? Dates.SQLITE
                : lower.startsWith("jdbc:postgresql:") ? Dates.POSTGRES : Dates.MARIADB;
    }

    /** Connects to {@code jdbcUrl}; {@code userColumn} is the user column's name if the table has one. */
    static JdbcStoredSessions open(String jdbcUrl, String table, @Nullable String userColumn) {
        try {
            return new JdbcStoredSessions(DriverManager.getConnection(jdbcUrl), jdbcUrl, table, userColumn);
        } catch (SQLException e) {
            throw new SessionStorageException("Could not connect to " + Redaction.url(jdbcUrl)
                    + ": " + e.getMessage()
                    + ". Check that the database is running and CLOAKROOM_DATABASE_URL is right.", e);
        }
    }

    @Override
    public String description() {
        return "table " + table + " at " + Redaction.url(url);
    }

    private String columns() {
        return "session_key, session_data, expire_date" + (userColumn == null ? "" : ", " + userColumn);
    }

    @Override
    public Optional<Row> find(String key) {
        List<Row> rows = query("SELECT " + columns() + " FROM " + table + " WHERE session_key = ?",
                "read a session",
                s -> s.setString(1, key));
        return rows.stream().findFirst();
    }

    @Override
    public List<Row> live(Instant now, int limit) {
        return query("SELECT " + columns() + " FROM " + table + " WHERE expire_date > ? ORDER BY expire_date"
                + (limit > 0 ? " LIMIT " + limit : ""), "list sessions", s -> bind(s, 1, now));
    }

    @Override
    public Optional<List<Row>> liveOfUser(String userId, Instant now, int limit) {
        if (userColumn == null) {
            return Optional.empty();
        }
        return Optional.of(query("SELECT " + columns() + " FROM " + table + " WHERE " + userColumn
                + " = ? AND expire_date > ? ORDER BY expire_date" + (limit > 0 ? " LIMIT " + limit : ""),
                "list a user's sessions", s -> {
                    s.setString(1, userId);
                    bind(s, 2, now);
                }));
    }

    @Override
    public Stats stats(Instant now) {
        String sql = "SELECT COUNT(*), COALESCE(SUM(LENGTH(session_data)), 0), "
                + "COALESCE(MAX(LENGTH(session_data)), 0) FROM " + table + " WHERE expire_date > ?";
        long[] live = aggregate(sql, now);
        long[] expired = aggregate(sql.replace("expire_date > ?", "expire_date <= ?"), now);
        return new Stats(live[0], expired[0], live[1] + expired[1], Math.max(live[2], expired[2]));
    }

    private long[] aggregate(String sql, Instant now) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1, now);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
            }
        } catch (SQLException e) {
            throw failure("count sessions", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Row> query(String sql, String operation, Binder binder) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), read(result, 3),
                            userColumn == null ? null : result.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    private void bind(PreparedStatement statement, int index, Instant at) throws SQLException {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        switch (dates) {
            case SQLITE:
                statement.setString(index, PythonDates.format(micros).replace('T', ' ').replace("+00:00",
                        ""));
                break;
            case POSTGRES:
                statement.setObject(index, micros.atOffset(ZoneOffset.UTC));
                break;
            default:
                statement.setObject(index, LocalDateTime.ofInstant(micros, ZoneOffset.UTC));
                break;
        }
    }

    private Instant read(ResultSet row, int index) throws SQLException {
        switch (dates) {
            case SQLITE:
                return PythonDates.parse(row.getString(index));
            case POSTGRES:
                return row.getObject(index, OffsetDateTime.class).toInstant();
            default:
                return row.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
    }

    private SessionStorageException failure(String operation, SQLException e) {
        return new SessionStorageException("Could not " + operation + " in " + description()
                + ": " + e.getMessage()
                + ". Run 'cloakroom migrate' if the table is missing.", e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written; a failed close loses nothing
        }
    }
}
