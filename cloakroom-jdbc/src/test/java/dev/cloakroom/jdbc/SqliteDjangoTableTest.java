package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.Session;
import dev.cloakroom.testservers.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Django's table on SQLite. */
class SqliteDjangoTableTest extends DjangoTableContract {

    @TempDir
    static Path directory;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void openDataSource() {
        dataSource = TestDatabases.sqlite(directory.resolve("django.db"));
    }

    @AfterAll
    static void closeDataSource() {
        dataSource.close();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected String jdbcUrl() {
        return TestDatabases.sqliteUrl(directory.resolve("django.db"));
    }

    @Override
    protected void insertRows(Connection c, String table, String prefix, int count, Instant expireAt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL "
                + "SELECT n + 1 FROM g WHERE n < ?) INSERT INTO " + table
                + " (session_key, session_data, expire_date) "
                + "SELECT ? || printf('%012d', n), 'data', ? FROM g")) {
            insert.setInt(1, count);
            insert.setString(2, prefix);
            insert.setString(3, djangoText(expireAt));
            assertThat(insert.executeUpdate()).isEqualTo(count);
        }
    }

    @Override
    protected String expireDateAsUtcText(String table) {
        return "SELECT expire_date FROM " + table + " WHERE session_key = ?";
    }

    @Override
    protected List<String> djangoDdl(String table) {
        return djangoTableDdl("\"", table, "text", "datetime");
    }

    /** SQLite keeps the CREATE statements: they must be Django's, character for character. */
    @Override
    protected void assertDjangoSchema(Connection c, String table) throws SQLException {
        assertThat(strings(c,
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type "
                + "DESC, name", table)).containsExactlyElementsOf(djangoDdl(table));
        assertThat(strings(c, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", table))
                .containsExactly("session_key 1", "session_data 0", "expire_date 0");
    }

    @Override
    protected void assertUserColumn(Connection c, String table, String column) throws SQLException {
        assertThat(strings(c, "SELECT name, type, \"notnull\" FROM pragma_table_info(?) WHERE name = ?",
                table,
                column)).containsExactly(column + " varchar(255) 0");
        assertThat(strings(c, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                djangoIndex(table, column, ""))).containsExactly("CREATE INDEX \"" + djangoIndex(table,
                        column, "")
                + "\" ON \"" + table + "\" (\"" + column + "\")");
    }

    /** Django's format exactly: text, UTC, microseconds only when there are some. */
    @Test
    void expireDateIsStoredAsDjangosUtcText() throws SQLException {
        JdbcEngine engine = engine();
        Session whole = Session.open(engine, settings, null);
        whole.put("a", 1);
        whole.save();
        clock.set(Instant.parse("2025-11-22T10:20:30.000500Z"));
        Session fraction = Session.open(engine, settings, null);
        fraction.put("a", 1);
        fraction.save();
        try (Connection c = dataSource.getConnection()) {
            String query = "SELECT typeof(expire_date) || ' ' || expire_date FROM " + table
                    + " WHERE session_key = ?";
            assertThat(queryString(c, query, whole.key())).isEqualTo("text 2025-12-06 00:00:00");
            assertThat(queryString(c, query, fraction.key())).isEqualTo("text 2025-12-06 10:20:30.000500");
        }
    }

    @Test
    void databaseIsInWalMode() throws SQLException {
        engine();
        try (Connection c = dataSource.getConnection()) {
            assertThat(strings(c, "PRAGMA journal_mode")).containsExactly("wal");
        }
    }

    /** A file in SQLite's default rollback-journal mode is switched to WAL by the engine's migration. */
    @Test
    void migrateSwitchesAFreshFileToWal() throws SQLException {
        Path file = directory.resolve("fresh.db");
        String url = TestDatabases.sqliteUrl(file);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(strings(c, "PRAGMA journal_mode")).containsExactly("delete");
        }
        try (JdbcEngine engine = JdbcEngine.builder(url).build()) {
            assertThat(engine.clearExpired()).isZero();
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(strings(c, "PRAGMA journal_mode")).containsExactly("wal");
        }
    }
}
