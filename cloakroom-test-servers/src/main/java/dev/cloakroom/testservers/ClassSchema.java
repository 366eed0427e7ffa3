package dev.cloakroom.testservers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An empty namespace of a test class's own on a test server, for code that makes its tables under their
 * default names (such as the CLI's {@code migrate}): a PostgreSQL schema or a MariaDB database, created
 * before the class's first test and dropped, with everything in it, after its last. Get one from
 * {@link RealServers}:
 * {@code @RegisterExtension static final ClassSchema DB = RealServers.postgresSchema();}.
 * A server that is not running fails the class.
 */
public final class ClassSchema implements BeforeAllCallback, AfterAllCallback {

    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable";

    private final boolean postgres;
    private final String name = TestDatabases.uniqueTableName();
    private boolean created;

    ClassSchema(boolean postgres) {
        this.postgres = postgres;
    }

    /** The schema's (or database's) name. */
    public String name() {
        return name;
    }

    /** A JDBC URL whose unqualified tables live in the class's schema (or database). */
    public String url() {
        if (!created) {
            throw new IllegalStateException("ClassSchema runs only as a static @RegisterExtension field");
        }
        return postgres ? TestDatabases.POSTGRES_URL + "&currentSchema=" + name
                : "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&sslMode=disable";
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        execute(postgres ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name);
        created = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (created) {
            created = false;
            execute(postgres ? "DROP SCHEMA IF EXISTS " + name + " CASCADE"
                    : "DROP DATABASE IF EXISTS " + name);
        }
    }

    private void execute(String sql) throws SQLException {
        String server = postgres ? TestDatabases.POSTGRES_URL : MARIADB_SERVER;
        try (Connection c = DriverManager.getConnection(server); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
