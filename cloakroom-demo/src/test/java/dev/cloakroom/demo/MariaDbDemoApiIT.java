package dev.cloakroom.demo;

import java.nio.file.Path;
import java.util.Map;

/** The demo's API on the db engine on MariaDB, in a database of its own that is dropped afterwards. */
class MariaDbDemoApiIT extends DemoApiContract {

    private final String database = TestServers.uniqueName("cloakroom_demo_");

    @Override
    Map<String, String> engineEnvironment(Path directory) throws Exception {
        return Map.of("CLOAKROOM_ENGINE", "db",
                "CLOAKROOM_DATABASE_URL", TestServers.mariaDbDatabase(database));
    }

    @Override
    void cleanUp() throws Exception {
        TestServers.dropMariaDbDatabase(database);
    }
}
