package dev.cloakroom.demo;

import dev.cloakroom.testservers.ClassSchema;
import dev.cloakroom.testservers.RealServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's API on the db engine on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresDemoApiIT extends DemoApiContract {

    @RegisterExtension
    static final ClassSchema DB = RealServers.postgresSchema();

    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "db", "CLOAKROOM_DATABASE_URL", DB.url());
    }
}
