package dev.cloakroom.demo;

import java.nio.file.Path;
import java.util.Map;

class PostgresDemoApiIT extends DemoApiContract {

    private final String schema = TestServers.uniqueName("cloakroom_demo_");

    @Override
    Map<String, String> engineEnvironment(Path directory) throws Exception {
        return Map.of("CLOAKROOM_ENGINE", "db", "CLOAKROOM_DATABASE_URL", TestServers.postgresSchema(schema));
    }

    @Override
    void cleanUp() throws Exception {
        TestServers.dropPostgresSchema(schema);
    }
}
