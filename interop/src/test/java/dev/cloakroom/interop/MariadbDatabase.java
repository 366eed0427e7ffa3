package dev.cloakroom.interop;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A MariaDB database of its own ({@code cloakroom_interop_<random>}, utf8mb4) on the test server, dropped by
 * {@link #close()}, so Django's migrate never meets another test's tables.
 */
final class MariadbDatabase extends SharedDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;
    private static final String ADMIN_URL = "jdbc:mariadb://" + HOST + ":" + PORT + "/test?user=root";

    private final String database;

    private MariadbDatabase(String database) {
        this.database = database;
    }

    static MariadbDatabase create() {
        byte[] suffix = new byte[5];
        new SecureRandom().nextBytes(suffix);
        String name = "cloakroom_interop_" + HexFormat.of().formatHex(suffix);
        admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new MariadbDatabase(name);
    }

    @Override
    String djangoUrl() {
        return "mysql://root@" + HOST + ":" + PORT + "/" + database;
    }

    @Override
    String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database + "?user=root";
    }

    @Override
    String name() {
        return "MariaDB";
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            admin("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("MariaDB at " + HOST + ":" + PORT + " refused `" + sql + "`: "
                    + e.getMessage() + ". The interop tests need it running (root, empty password, "
                    + "database test).", e);
        }
    }
}
