package dev.cloakroom.jdbc;

import dev.cloakroom.SessionStorageException;
import dev.cloakroom.config.Redaction;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Looks at a database's catalogue with a plain JDBC connection. */
final class JdbcTables {

    private JdbcTables() {
    }

    /** Whether {@code table} exists and has {@code column} (names compared ignoring case). */
    static boolean hasColumn(String jdbcUrl, String table, String column) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            return hasColumn(c, table, column);
        } catch (SQLException e) {
            throw new SessionStorageException("Could not read the catalogue of " + Redaction.url(jdbcUrl)
                    + ": "
                    + e.getMessage() + ". Check that the database is running and reachable.", e);
        }
    }

    /** Whether {@code table} exists and has {@code column}, asked of a connection of {@code dataSource}. */
    static boolean hasColumn(DataSource dataSource, String table, String column) {
        try (Connection c = dataSource.getConnection()) {
            return hasColumn(c, table, column);
        } catch (SQLException e) {
            throw new SessionStorageException("Could not read the catalogue of the DataSource's database: "
                    + e.getMessage() + ". Check that the database is running and reachable.", e);
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema(); // the schema unqualified names resolve to (currentSchema)
        for (String t : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet columns = meta.getColumns(null, schema, t, null)) {
                while (columns.next()) {
                    if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
