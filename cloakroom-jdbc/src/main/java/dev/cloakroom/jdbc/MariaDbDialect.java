package dev.cloakroom.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MariaDB and MySQL: {@code expire_date datetime(6)} holding UTC wall time, as Django stores it with
 * {@code USE_TZ=True}. Values are bound as {@link LocalDateTime}, which drivers send unconverted, so the
 * server's and the connection's time zones never matter.
 */
final class MariaDbDialect extends SqlDialect {

    private static final JdbcDriver DRIVER =
            new JdbcDriver("org.mariadb.jdbc.Driver", "org.mariadb.jdbc", "mariadb-java-client",
                    "mariadb");

    private static final int ER_DUP_ENTRY = 1062;
    private static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";

    @Override
    String displayName() {
        return "MariaDB";
    }

    @Override
    String resourceSuffix() {
        return "mariadb";
    }

    @Override
    int maxIdentifierLength() {
        return 64;
    }

    @Override
    JdbcDriver driver() {
        return DRIVER;
    }

    @Override
    String quote(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setObject(index,
                LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    Instant readInstant(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    /**
     * A plain insert: a taken key fails with error 1062. ({@code INSERT IGNORE} would also swallow other
     * errors, and {@code ON DUPLICATE KEY UPDATE} reports 1 row either way under the found-rows flag.)
     */
    @Override
    String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
    }

    @Override
    boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == ER_DUP_ENTRY;
    }

    /** Django's {@code longtext} takes the table's collation, usually case-insensitive: compare bytes. */
    @Override
    String dataMatches(String column) {
        return "BINARY " + column + " = ?";
    }

    /** {@code MD5()} hashes the column's bytes in its character set: the same for ASCII session data. */
    @Override
    String dataDigestMatches(String column) {
        return "MD5(" + column + ") = ?";
    }

    @Override
    String deleteExpiredBatch(String table, String expireDate, String key) {
        return "DELETE FROM " + table + " WHERE " + expireDate + " < ? LIMIT ?";
    }

    @Override
    String tableExists() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?";
    }

    @Override
    String columnExists() {
        return "SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND table_name = ? AND column_name = ?";
    }

    @Override
    boolean transactionalDdl() {
        return false;
    }

    /**
     * Timeouts in milliseconds, and server-side prepared statements, cached per connection, so each
     * operation is one binary-protocol round trip. The found-rows flag stays on (the drivers' default),
     * so an update that writes identical values still counts its row.
     */
    @Override
    Map<String, String> driverProperties(Duration connectTimeout, Duration statementTimeout) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("connectTimeout", Long.toString(Math.max(1, connectTimeout.toMillis())));
        p.put("socketTimeout", Long.toString(Math.max(1, statementTimeout.toMillis())));
        p.put("useServerPrepStmts", "true");
        p.put("cachePrepStmts", "true");
        return p;
    }

    @Override
    String describe(String jdbcUrl) {
        String name = isMysqlUrl(jdbcUrl) ? "MySQL" : "MariaDB";
        return name + " at " + hostsOf(jdbcUrl, 3306);
    }

    /**
     * The MariaDB driver takes {@code jdbc:mysql:} URLs only with {@code permitMysqlScheme}; add it when
     * MySQL's own driver is absent.
     */
    @Override
    String driverUrl(String jdbcUrl) {
        if (!isMysqlUrl(jdbcUrl) || isPresent(MYSQL_DRIVER)
                || jdbcUrl.contains("permitMysqlScheme")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    @Override
    boolean driverPresent(String jdbcUrl) {
        return isPresent(driverClass())
                || (isMysqlUrl(jdbcUrl) && isPresent(MYSQL_DRIVER));
    }

    private static boolean isMysqlUrl(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:");
    }
}
