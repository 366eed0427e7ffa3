package dev.cloakroom.testservers;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's pool on a test database and a table name of its own: the pool opens before the class's
 * first test; after its last, the table is dropped and the pool closed (an SQLite database's directory is
 * deleted too). Get one from {@link RealServers}:
 * {@code @RegisterExtension static final ClassDatabase DB = RealServers.postgres();}.
 * A database that is not running fails the class.
 */
public final class ClassDatabase implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<HikariDataSource> opener;
    private final boolean sqlite;
    private final String table = TestDatabases.uniqueTableName();
    private HikariDataSource dataSource;
    private Path directory;

    private ClassDatabase(Supplier<HikariDataSource> opener, boolean sqlite) {
        this.opener = opener;
        this.sqlite = sqlite;
    }

    /** A pool from {@code opener} (such as {@link TestDatabases#postgres}) for the class. */
    public static ClassDatabase on(Supplier<HikariDataSource> opener) {
        return new ClassDatabase(opener, false);
    }

    /** A pool on an SQLite file in a temporary directory of the class's own. */
    static ClassDatabase onSqlite() {
        return new ClassDatabase(() -> {
            throw new IllegalStateException("SQLite opens in beforeAll");
        }, true);
    }

    /** The class's pool. */
    public HikariDataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("ClassDatabase runs only as a static @RegisterExtension field");
        }
        return dataSource;
    }

    /** The JDBC URL of the class's database. */
    public String url() {
        return dataSource().getJdbcUrl();
    }

    /** The class's table name, dropped after the class. */
    public String table() {
        return table;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (sqlite) {
            directory = Files.createTempDirectory("cloakroom-sqlite-");
            dataSource = TestDatabases.sqlite(directory.resolve("test.sqlite3"));
        } else {
            dataSource = opener.get();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException, IOException {
        try {
            if (dataSource != null) {
                try (HikariDataSource closing = dataSource) {
                    TestDatabases.dropTable(closing, table);
                } finally {
                    dataSource = null;
                }
            }
        } finally {
            if (directory != null) {
                LocalServers.deleteRecursively(directory);
                directory = null;
            }
        }
    }
}
