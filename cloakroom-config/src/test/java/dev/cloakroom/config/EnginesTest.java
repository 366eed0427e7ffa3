package dev.cloakroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engines opened by name; this module alone serves memory, file and signed_cookies. */
class EnginesTest {

    @TempDir
    Path directory;

    private OpenedEngine open(String... nameValues) {
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return Engines.open(Settings.reader().parameters(params::get).workingDirectory(directory).read(),
                Schema.USE_EXISTING);
    }

    @Test
    void engineNamesOpenTheirEngines() {
        try (OpenedEngine file = open("engine", "file", "file-path", directory.toString())) {
            assertThat(file.engine()).isInstanceOf(FileEngine.class);
            assertThat(((FileEngine) file.engine()).directory()).isEqualTo(directory);
            assertThat(file.description()).isEqualTo("files in " + directory);
        }
        try (OpenedEngine relative = open("engine", "file", "file.path", ".")) {
            assertThat(((FileEngine) relative.engine()).directory()).isEqualTo(directory.resolve("."));
        }
        assertThat(open("engine", "signed_cookies").engine()).isInstanceOf(SignedCookieEngine.class);
        assertThat(open("engine", "MEMORY").name()).isEqualTo("memory");
        assertThat(open("engine", "memory").engine()).isInstanceOf(MemoryEngine.class);
        assertThat(open("engine", "django.contrib.sessions.backends.signed_cookies", "secret-key", "k")
                .engine()).isInstanceOf(SignedCookieEngine.class);
    }

    @Test
    void anEngineWhoseModuleIsMissingSaysWhichModuleToAdd() {
        assertThatThrownBy(() -> open("engine", "db")).isInstanceOf(ConfigurationException.class)
                .hasMessage("engine 'db' needs cloakroom-jdbc on the class path");
        assertThatThrownBy(() -> open("engine", "cache"))
                .hasMessage("engine 'cache' needs cloakroom-redis on the class path");
        assertThatThrownBy(() -> open("engine", "cached_db"))
                .hasMessage("engine 'cached_db' needs cloakroom-jdbc and cloakroom-redis on the class path");
    }

    @Test
    void aMissingDirectoryNamesTheSetting() {
        assertThatThrownBy(() -> open("engine", "file", "file-path", directory.resolve("missing").toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Cannot use file-path '" + directory.resolve("missing") + "': ")
                .hasMessageContaining("doesn't exist");
    }
}
