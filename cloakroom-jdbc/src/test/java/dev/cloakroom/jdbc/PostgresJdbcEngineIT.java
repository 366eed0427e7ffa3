package dev.cloakroom.jdbc;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.RealServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core conformance suite on the test PostgreSQL, through a DataSource the test owns. */
class PostgresJdbcEngineIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.postgres();

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(DB.dataSource()).table(DB.table()).clock(settings.clock()).build();
    }
}
