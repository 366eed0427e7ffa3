package dev.cloakroom.jdbc;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The core conformance suite on SQLite, through the engine's own pool on a temporary file. */
class SqliteJdbcEngineTest extends ServerSideEngineContract {

    @TempDir
    Path directory;

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(TestDatabases.sqliteUrl(directory.resolve("sessions.db")))
                .clock(settings.clock())
                .build();
    }
}
