package dev.cloakroom.testservers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The databases the tests run on: the PostgreSQL and MariaDB servers of the test machine (see
 * {@code scripts/test-services}) and SQLite files. Tests fail, never skip, when a server is missing.
 * Each test class works in its own table
 * ({@link #uniqueTableName()}) and drops it afterwards, so modules can run their tests at the same time.
 */
public final class TestDatabases {

    /** PostgreSQL on the test machine: database {@code test}, user {@code postgres}, trust auth. */
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** MariaDB on the test machine: database {@code test}, user {@code root}, empty password. */
    public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {
    }

    /** A JDBC URL for an SQLite file (created on first use). */
    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** A small pool on an SQLite file, in WAL mode with a busy timeout, as the engine's own pool is. */
    public static HikariDataSource sqlite(Path file) {
        HikariConfig config = config(sqliteUrl(file), "sqlite");
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        return new HikariDataSource(config);
    }

    /** A small pool on the test PostgreSQL; the caller closes it. */
    public static HikariDataSource postgres() {
        return new HikariDataSource(config(POSTGRES_URL, "postgres"));
    }

    /** A small pool on the test MariaDB; the caller closes it. */
    public static HikariDataSource mariadb() {
        return new HikariDataSource(config(MARIADB_URL, "mariadb"));
    }

    /** A table name no other test class uses: {@code cloakroom_test_} and 10 random characters. */
    public static String uniqueTableName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder name = new StringBuilder("cloakroom_test_");
        for (int i = 0; i < 10; i++) {
            name.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    /** Drops {@code table} if it exists. */
    public static void dropTable(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private static HikariConfig config(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("test-" + name);
        config.setMaximumPoolSize(12);
        config.setConnectionTimeout(5_000);
        return config;
    }
}
