package dev.cloakroom.interop;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A PostgreSQL database of its own ({@code cloakroom_interop_<random>}) on the test server, so Django's
 * migrate (auth, contenttypes, sessions) never meets another test's tables; dropped by {@link #close()}.
 */
final class PostgresDatabase extends SharedDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/test?user=postgres";

    private final String database;

    private PostgresDatabase(String database) {
        this.database = database;
    }

    static PostgresDatabase create() {
        byte[] suffix = new byte[5];
        new SecureRandom().nextBytes(suffix);
        String name = "cloakroom_interop_" + HexFormat.of().formatHex(suffix);
        admin("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    @Override
    String djangoUrl() {
        return "postgres://postgres@" + HOST + ":" + PORT + "/" + database;
    }

    @Override
    String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database + "?user=postgres";
    }

    @Override
    String name() {
        return "PostgreSQL";
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + HOST + ":" + PORT + " refused `" + sql + "`: "
                    + e.getMessage() + ". The interop tests need it running (user postgres, trust auth, "
                    + "database test).", e);
        }
    }
}
