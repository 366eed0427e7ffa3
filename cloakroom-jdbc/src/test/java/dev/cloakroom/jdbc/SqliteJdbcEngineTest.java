package dev.cloakroom.jdbc;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contract.SessionEngineContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The core conformance suite on SQLite, through the engine's own pool on a temporary file. */
class SqliteJdbcEngineTest extends SessionEngineContract {

    @TempDir
    Path directory;

    @Override
    protected SessionEngine newEngine(SessionSettings settings) {
        return JdbcEngine.builder(TestDatabases.sqliteUrl(directory.resolve("sessions.db")))
                .clock(settings.clock())
                .build();
    }
}
