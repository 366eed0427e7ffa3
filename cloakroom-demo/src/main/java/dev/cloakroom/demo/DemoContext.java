package dev.cloakroom.demo;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import java.time.Clock;

/** What every servlet of the demo shares: the engine and its name, the settings, templates and users. */
record DemoContext(SessionEngine engine, String engineName, SessionSettings settings, Templates templates,
        DemoUsers users) {

    Clock clock() {
        return settings.clock();
    }
}
