package dev.cloakroom.demo;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL, MariaDB and Redis on this machine, each test class in its own PostgreSQL schema or
 * MariaDB database and under its own Redis key prefix, so tests of several modules can run at once;
 * {@code drop} cleans up.
 */
final class TestServers {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String REDIS = "redis://127.0.0.1:6379/0";
    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private TestServers() {
    }

    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Creates a schema and returns the JDBC URL whose unqualified tables live in it. */
    static String postgresSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return POSTGRES + "&currentSchema=" + schema;
    }

    static void dropPostgresSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Creates a MariaDB database and returns the JDBC URL that uses it. */
    static String mariaDbDatabase(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(MARIADB); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root";
    }

    static void dropMariaDbDatabase(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(MARIADB); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /** Deletes every Redis key starting with {@code prefix}. */
    static void deleteRedisKeys(String prefix) {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(prefix
                        + "*")
                        .limit(500));
                if (!page.getKeys().isEmpty()) {
                    connection.sync().del(page.getKeys().toArray(new String[0]));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }
}
