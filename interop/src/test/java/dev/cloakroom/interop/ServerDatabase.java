package dev.cloakroom.interop;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A database of its own ({@code cloakroom_interop_<random>}) on the test PostgreSQL or MariaDB server, so
 * Django's migrate (auth, contenttypes, sessions) never meets another test's tables; dropped by
 * {@link #close()}.
 */
final class ServerDatabase extends SharedDatabase {

    /** What differs between the two servers. */
    private enum Server {
        POSTGRES("PostgreSQL", 5432, "postgresql", "postgres", "postgres", "", " WITH (FORCE)",
                "user postgres, trust auth"),
        MARIADB("MariaDB", 3306, "mariadb", "mysql", "root",
                " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "", "root, empty password");

        final String label;
        final int port;
        final String jdbcScheme;
        final String djangoScheme;
        final String user;
        final String createOptions;
        final String dropOptions;
        final String access;

        Server(String label, int port, String jdbcScheme, String djangoScheme, String user,
                String createOptions, String dropOptions, String access) {
            this.label = label;
            this.port = port;
            this.jdbcScheme = jdbcScheme;
            this.djangoScheme = djangoScheme;
            this.user = user;
            this.createOptions = createOptions;
            this.dropOptions = dropOptions;
            this.access = access;
        }

        String jdbcUrl(String database) {
            return "jdbc:" + jdbcScheme + "://" + HOST + ":" + port + "/" + database + "?user=" + user
                    + (this == MARIADB ? "&sslMode=disable" : ""); // the test server has no TLS
        }
    }

    static final String HOST = "127.0.0.1";

    private final Server server;
    private final String database;

    private ServerDatabase(Server server, String database) {
        this.server = server;
        this.database = database;
    }

    static ServerDatabase postgres() {
        return create(Server.POSTGRES);
    }

    static ServerDatabase mariadb() {
        return create(Server.MARIADB);
    }

    private static ServerDatabase create(Server server) {
        byte[] suffix = new byte[5];
        new SecureRandom().nextBytes(suffix);
        String name = "cloakroom_interop_" + HexFormat.of().formatHex(suffix);
        admin(server, "CREATE DATABASE " + name + server.createOptions);
        return new ServerDatabase(server, name);
    }

    boolean isMariadb() {
        return server == Server.MARIADB;
    }

    @Override
    String djangoUrl() {
        return server.djangoScheme + "://" + server.user + "@" + HOST + ":" + server.port + "/" + database;
    }

    @Override
    String jdbcUrl() {
        return server.jdbcUrl(database);
    }

    @Override
    String name() {
        return server.label;
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            admin(server, "DROP DATABASE IF EXISTS " + database + server.dropOptions);
        }
    }

    private static void admin(Server server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("test"));
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(server.label + " at " + HOST + ":" + server.port + " refused `" + sql
                    + "`: " + e.getMessage() + ". The interop tests need it running (" + server.access
                    + ", database test).", e);
        }
    }
}
