package dev.cloakroom.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core conformance suite on the test PostgreSQL, through a DataSource the test owns. */
class PostgresJdbcEngineIT extends ServerSideEngineContract {

    private static final String TABLE = TestDatabases.uniqueTableName();
    private static HikariDataSource dataSource;

    @BeforeAll
    static void openDataSource() {
        dataSource = TestDatabases.postgres();
    }

    @AfterAll
    static void dropTable() throws Exception {
        TestDatabases.dropTable(dataSource, TABLE);
        dataSource.close();
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(dataSource).table(TABLE).clock(settings.clock()).build();
    }
}
