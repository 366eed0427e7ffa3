package dev.cloakroom.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL: {@code expire_date timestamp with time zone}, as Django creates it. */
final class PostgresDialect extends SqlDialect {

    private static final JdbcDriver DRIVER =
            new JdbcDriver("org.postgresql.Driver", "org.postgresql", "postgresql", "postgresql");

    @Override
    String displayName() {
        return "PostgreSQL";
    }

    @Override
    String resourceSuffix() {
        return "postgresql";
    }

    @Override
    int maxIdentifierLength() {
        return 63;
    }

    @Override
    JdbcDriver driver() {
        return DRIVER;
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setObject(index, at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    @Override
    Instant readInstant(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, OffsetDateTime.class).toInstant();
    }

    /** {@code ON CONFLICT DO NOTHING}: a taken key inserts nothing instead of failing the statement. */
    @Override
    String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?) ON CONFLICT (" + columns.get(0) + ") DO NOTHING";
    }

    @Override
    boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Oldest first, through the {@code expire_date} index, and the keys as an array: a plan that does not
     * depend on estimates. With {@code key IN (SELECT ... LIMIT ?)} and no {@code ORDER BY}, PostgreSQL
     * planned the batch as a sequential scan when many rows had expired, so every batch read the table from
     * its start, past the live rows and the rows earlier batches deleted (dead until vacuumed); and once the
     * driver prepares the statement on the server, the generic plan, not knowing {@code LIMIT ?}, joined the
     * keys against a sequential scan of the whole table, JIT-compiled, on every batch.
     */
    @Override
    String deleteExpiredBatch(String table, String expireDate, String key) {
        return "DELETE FROM " + table + " WHERE " + key + " = ANY(ARRAY(SELECT " + key + " FROM " + table
                + " WHERE " + expireDate + " < ? ORDER BY " + expireDate + " LIMIT ?))";
    }

    /** Resolves the name as unqualified statements do, through the search path. */
    @Override
    String tableExists() {
        return "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relname = ? AND c.relkind IN ('r', 'p') AND n.nspname = current_schema()";
    }

    @Override
    String columnExists() {
        return "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = ? AND column_name = ?";
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    /**
     * Timeouts in seconds, and server-side prepared statements from the first execution
     * ({@code prepareThreshold=1}): the engine runs the same few statements over and over.
     */
    @Override
    Map<String, String> driverProperties(Duration connectTimeout, Duration statementTimeout) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("connectTimeout", seconds(connectTimeout));
        p.put("loginTimeout", seconds(connectTimeout));
        p.put("socketTimeout", seconds(statementTimeout));
        p.put("prepareThreshold", "1");
        p.put("ApplicationName", "cloakroom");
        return p;
    }

    @Override
    String describe(String jdbcUrl) {
        return "PostgreSQL at " + hostsOf(jdbcUrl, 5432);
    }

    @Override
    String dataDigestMatches(String column) {
        return "md5(" + column + ") = ?";
    }
}
