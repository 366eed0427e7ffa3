package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's pool on a test database and a table name of its own: the pool opens before the class's
 * first test; after its last, the table is dropped and the pool closed. Register it as
 * {@code @RegisterExtension static final ClassDatabase DB = ClassDatabase.on(TestDatabases::postgres);}.
 * A database that is not running fails the class. Shared with other modules through this module's test-jar.
 */
public final class ClassDatabase implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<HikariDataSource> opener;
    private final String table = TestDatabases.uniqueTableName();
    private HikariDataSource dataSource;

    private ClassDatabase(Supplier<HikariDataSource> opener) {
        this.opener = opener;
    }

    /** A pool from {@code opener} (such as {@link TestDatabases#postgres}) for the class. */
    public static ClassDatabase on(Supplier<HikariDataSource> opener) {
        return new ClassDatabase(opener);
    }

    /** The class's pool. */
    public HikariDataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("ClassDatabase runs only as a static @RegisterExtension field");
        }
        return dataSource;
    }

    /** The class's table name, dropped after the class. */
    public String table() {
        return table;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dataSource = opener.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (dataSource != null) {
            try (HikariDataSource closing = dataSource) {
                TestDatabases.dropTable(closing, table);
            } finally {
                dataSource = null;
            }
        }
    }
}
