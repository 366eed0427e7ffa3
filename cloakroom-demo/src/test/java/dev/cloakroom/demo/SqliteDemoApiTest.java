package dev.cloakroom.demo;

import java.nio.file.Path;
import java.util.Map;

class SqliteDemoApiTest extends DemoApiContract {
    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "db", "CLOAKROOM_DATABASE_URL",
                "jdbc:sqlite:" + directory.resolve("sessions.sqlite3"));
    }
}
