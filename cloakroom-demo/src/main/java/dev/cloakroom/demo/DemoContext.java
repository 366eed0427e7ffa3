package dev.cloakroom.demo;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import java.time.Clock;

/**
 * What every servlet of the demo shares: the engine and its name, the settings, templates, users, the
 * meters and recent events, and the panel's note on what the engine stores ({@link StorageNote}).
 */
record DemoContext(SessionEngine engine, String engineName, SessionSettings settings, Templates templates,
        DemoUsers users, DemoMetrics metrics, String storageNote) {

    Clock clock() {
        return settings.clock();
    }
}
