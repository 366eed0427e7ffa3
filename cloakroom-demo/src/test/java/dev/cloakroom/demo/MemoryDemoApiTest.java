package dev.cloakroom.demo;

import java.nio.file.Path;
import java.util.Map;

class MemoryDemoApiTest extends DemoApiContract {
    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "memory");
    }
}
