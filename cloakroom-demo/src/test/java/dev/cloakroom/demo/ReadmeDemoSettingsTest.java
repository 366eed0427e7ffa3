package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.config.SettingsTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of the demo's own settings is {@link DemoSettings#OWN}'s. */
class ReadmeDemoSettingsTest {

    @Test
    void theReadmeListsTheDemosOwnSettings() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(SettingsTable.markdown(DemoSettings.OWN));
    }
}
