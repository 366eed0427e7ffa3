package dev.cloakroom.jdbc;

import dev.cloakroom.internal.PythonDates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite, the embedded default. {@code expire_date} is text in UTC exactly as Django writes it (Python's
 * {@code str(datetime)}: {@code 2025-12-06 00:00:00}, with {@code .ffffff} only when the microseconds are
 * not zero), so Django and Cloakroom read each other's rows, and comparing the text orders it in time.
 */
final class SqliteDialect extends SqlDialect {

    private static final JdbcDriver DRIVER =
            new JdbcDriver("org.sqlite.JDBC", "org.xerial", "sqlite-jdbc", "sqlite");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int SQLITE_CONSTRAINT = 19;

    @Override
    String displayName() {
        return "SQLite";
    }

    @Override
    String resourceSuffix() {
        return "sqlite";
    }

    /** Django's SQLite backend has no limit and falls back to 200. */
    @Override
    int maxIdentifierLength() {
        return 200;
    }

    @Override
    JdbcDriver driver() {
        return DRIVER;
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setString(index, format(at));
    }

    @Override
    Instant readInstant(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        try {
            return PythonDates.parse(text);
        } catch (DateTimeParseException e) {
            throw new SQLException("Unreadable expire_date '" + text + "': expected UTC text such as "
                    + "'2025-12-06 00:00:00', as Django writes it", e);
        }
    }

    /** Python's {@code str()} of the naive UTC datetime: what Django's SQLite backend stores. */
    static String format(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        String seconds = SECONDS.format(t);
        int micros = t.getNano() / 1000;
        return micros == 0 ? seconds : seconds + String.format(".%06d", micros);
    }

    @Override
    String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?) ON CONFLICT (" + columns.get(0) + ") DO NOTHING";
    }

    @Override
    boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == SQLITE_CONSTRAINT && String.valueOf(e.getMessage()).contains("UNIQUE");
    }

    /** By rowid, through the {@code expire_date} index ({@code DELETE ... LIMIT} is a build option). */
    @Override
    String deleteExpiredBatch(String table, String expireDate, String key) {
        return "DELETE FROM " + table + " WHERE rowid IN (SELECT rowid FROM " + table + " WHERE " + expireDate
                + " < ? LIMIT ?)";
    }

    @Override
    String tableExists() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE";
    }

    @Override
    String columnExists() {
        return "SELECT 1 FROM pragma_table_info(?) WHERE name = ? COLLATE NOCASE";
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    /**
     * WAL (readers never wait for the writer), {@code synchronous=NORMAL} (safe with WAL: a power cut may
     * lose the last commits, never corrupt the file), and a busy timeout so concurrent writers queue.
     */
    @Override
    Map<String, String> driverProperties(Duration connectTimeout, Duration statementTimeout) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("journal_mode", "WAL");
        p.put("synchronous", "NORMAL");
        p.put("busy_timeout", Long.toString(Math.max(1, statementTimeout.toMillis())));
        return p;
    }

    @Override
    String describe(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return "SQLite file " + (query >= 0 ? file.substring(0, query) : file);
    }
}
