package dev.cloakroom.jdbc;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.RealServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core conformance suite on the test MariaDB, through the engine's own pool (server-side prepared
 * statements) and with the user column on, so the contract also runs on the widened table.
 */
class MariaDbJdbcEngineIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.mariadb();

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(DB.url()).table(DB.table()).userColumn().clock(settings.clock()).build();
    }
}
