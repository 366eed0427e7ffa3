package dev.cloakroom.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code META-INF/spring-configuration-metadata.json} is the one generated from the settings
 * tables ({@link CloakroomSettings#ALL} and {@link StarterSettings#ALL}). Run with
 * {@code -Dmetadata.write=true} to rewrite it after changing a setting.
 */
class ConfigurationMetadataTest {

    static final Path FILE = Path.of("src", "main", "resources", "META-INF",
            "spring-configuration-metadata.json");

    @Test
    void theCommittedMetadataIsTheSettingsTable() throws Exception {
        List<Setting<?>> settings = new ArrayList<>(CloakroomSettings.ALL);
        settings.addAll(StarterSettings.ALL);
        String expected = ConfigurationMetadata.json(settings);
        if (Boolean.getBoolean("metadata.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as(FILE + " (rewrite it with -Dmetadata.write=true)").isEqualTo(expected);
    }
}
