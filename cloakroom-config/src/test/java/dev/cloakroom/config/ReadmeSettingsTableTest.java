package dev.cloakroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of settings is {@link CloakroomSettings#ALL}'s. Run with
 * {@code -Dreadme.write=true} to rewrite the table after changing a setting.
 */
class ReadmeSettingsTableTest {

    static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeTableIsTheSettingsTable() throws Exception {
        ReadmeBlock.check(README, "settings", SettingsTable.markdown(CloakroomSettings.ALL));
    }

    /**
     * A generated block of the README, between {@code <!-- NAME:begin ... -->} and
     * {@code <!-- NAME:end -->}.
     */
    static final class ReadmeBlock {
        private ReadmeBlock() {
        }

        static void check(Path readme, String name, String expected) throws Exception {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            String begin = "<!-- " + name + ":begin";
            String end = "<!-- " + name + ":end -->";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as("the README's marker " + begin).isNotNegative();
            assertThat(to).as("the README's marker " + end).isGreaterThan(from);
            int bodyStart = text.indexOf('\n', from) + 1;
            String actual = text.substring(bodyStart, to);
            if (Boolean.getBoolean("readme.write") && !actual.equals(expected)) {
                Files.writeString(readme, text.substring(0, bodyStart) + expected + text.substring(to),
                        StandardCharsets.UTF_8);
                return;
            }
            assertThat(actual).as("README block " + name + " (rewrite it with -Dreadme.write=true)")
                    .isEqualTo(expected);
        }
    }
}
