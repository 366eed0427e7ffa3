package dev.cloakroom.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Django's session table when it is missing and adds the user column when it is turned on and
 * absent; an existing table is never altered otherwise. The DDL lives in
 * {@code dev/cloakroom/jdbc/schema-<db>.sql} and {@code user-column-<db>.sql}.
 *
 * <p>Several processes may migrate at once: the statements run in one transaction where the database
 * has transactional DDL, and a failure is ignored when, looking again, the table or column now exists
 * (another process made it first).
 */
final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final SqlDialect dialect;
    private final String table;
    private final @Nullable String userColumn;

    SchemaMigrator(SqlDialect dialect, String table, @Nullable String userColumn) {
        this.dialect = dialect;
        this.table = table;
        this.userColumn = userColumn;
    }

    /** Brings the schema up to date and returns the DDL statements it ran (none if it was up to date). */
    List<String> migrate(Connection c) throws SQLException {
        List<String> ran = new ArrayList<>();
        if (!exists(c, dialect.tableExists(), table)) {
            int max = dialect.maxIdentifierLength();
            List<String> ddl = statements("schema", Map.of("table", table,
                    "expire_date_index", DjangoNames.indexName(table, "expire_date", "", max),
                    "session_key_like_index", DjangoNames.indexName(table, "session_key", "_like", max)));
            if (runAll(c, ddl, dialect.tableExists(), table)) {
                ran.addAll(ddl);
            }
        }
        String column = userColumn;
        if (column != null && !exists(c, dialect.columnExists(), table, column)) {
            List<String> ddl = statements("user-column", Map.of("table", table, "column", column,
                    "column_index", DjangoNames.indexName(table, column, "", dialect.maxIdentifierLength())));
            if (runAll(c, ddl, dialect.columnExists(), table, column)) {
                ran.addAll(ddl);
            }
        }
        if (dialect instanceof SqliteDialect) {
            useWriteAheadLog(c);
        }
        return ran;
    }

    /** Reads a DDL resource, fills in the names and splits it into statements, without comments. */
    List<String> statements(String kind, Map<String, String> names) {
        String resource = kind + "-" + dialect.resourceSuffix() + ".sql";
        String text;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/cloakroom/jdbc/" + resource
                        + " in the cloakroom-jdbc jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            text = text.replace("{" + name.getKey() + "}", name.getValue());
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("--")) {
                continue;
            }
            current.append(current.length() == 0 ? "" : " ").append(line.strip());
            if (line.strip().endsWith(";")) {
                statements.add(current.substring(0, current.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private boolean runAll(Connection c, List<String> ddl, String existsQuery, String... names)
            throws SQLException {
        boolean transaction = dialect.transactionalDdl() && c.getAutoCommit();
        if (transaction) {
            c.setAutoCommit(false);
        }
        try (Statement statement = c.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
            if (transaction) {
                c.commit();
            }
            return true;
        } catch (SQLException e) {
            if (transaction) {
                c.rollback();
            }
            if (!exists(c, existsQuery, names)) {
                throw e;
            }
            LOG.debug("{} {} appeared while migrating: another process created it", table, names, e);
            return false;
        } finally {
            if (transaction) {
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean exists(Connection c, String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** WAL is a property of the file, so setting it once serves every connection, also ones Django opens. */
    private void useWriteAheadLog(Connection c) {
        try (Statement statement = c.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            if (mode.next() && !"wal".equals(mode.getString(1).toLowerCase(Locale.ROOT))) {
                statement.execute("PRAGMA journal_mode=WAL");
            }
        } catch (SQLException e) {
            LOG.warn("Could not switch the SQLite database to WAL mode ({}); sessions still work, but "
                    + "readers wait for writers. Close other connections to the file and migrate again.",
                    e.getMessage());
        }
    }
}
