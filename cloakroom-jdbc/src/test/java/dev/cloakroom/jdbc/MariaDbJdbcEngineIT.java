package dev.cloakroom.jdbc;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.TestDatabases;
import org.junit.jupiter.api.AfterAll;

/**
 * The core conformance suite on the test MariaDB, through the engine's own pool (server-side prepared
 * statements) and with the user column on, so the contract also runs on the widened table.
 */
class MariaDbJdbcEngineIT extends ServerSideEngineContract {

    private static final String TABLE = TestDatabases.uniqueTableName();

    @AfterAll
    static void dropTable() throws Exception {
        try (var dataSource = TestDatabases.mariadb()) {
            TestDatabases.dropTable(dataSource, TABLE);
        }
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(TestDatabases.MARIADB_URL).table(TABLE).userColumn().clock(settings.clock())
                .build();
    }
}
