package dev.cloakroom.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class FileDemoApiTest extends DemoApiContract {
    @Override
    Map<String, String> engineEnvironment(Path directory) throws Exception {
        Path sessions = Files.createDirectories(directory.resolve("sessions"));
        return Map.of("CLOAKROOM_ENGINE", "file", "CLOAKROOM_FILE_PATH", sessions.toString());
    }
}
