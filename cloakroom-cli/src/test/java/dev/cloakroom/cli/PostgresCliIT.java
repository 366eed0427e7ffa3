package dev.cloakroom.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** The CLI on the db engine on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresCliIT extends DbCliContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private final String schema = "cloakroom_cli_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12);
    private boolean created;

    @Override
    String databaseUrl() throws Exception {
        if (!created) {
            try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            created = true;
        }
        return SERVER + "&currentSchema=" + schema;
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
