package dev.cloakroom.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** The CLI on the db engine on MariaDB, in a database of its own that is dropped afterwards. */
class MariaDbCliIT extends DbCliContract {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=root";
    private final String database = "cloakroom_cli_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private boolean created;

    @Override
    String databaseUrl() throws Exception {
        if (!created) {
            try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            created = true;
        }
        return "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root";
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
