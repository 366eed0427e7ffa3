package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's own settings, read with Cloakroom's. */
class DemoSettingsTest {

    private Path directory;

    @BeforeEach
    void directory() throws Exception {
        directory = Files.createTempDirectory("cloakroom-demo-settings");
    }

    private Settings load(Map<String, String> env) {
        return DemoSettings.read(env, Map.of(), directory);
    }

    @Test
    void portIsEightThousandByDefaultAndZeroPicksAnyFreePort() {
        assertThat(load(Map.of()).get(DemoSettings.PORT)).isEqualTo(8000);
        assertThat(load(Map.of("CLOAKROOM_PORT", "0")).get(DemoSettings.PORT)).isZero();
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_PORT", "80000")))
                .hasMessage("Invalid CLOAKROOM_PORT '80000': expected a TCP port from 0 to 65535");
    }

    @Test
    void djangoUsersAndVersionAreReadAndChecked() {
        assertThat(load(Map.of()).get(DemoSettings.DJANGO_USERS)).isFalse();
        assertThat(load(Map.of()).sessionSettings().djangoVersion()).isEqualTo(DjangoVersion.DJANGO_5_2);
        Settings config = load(Map.of("CLOAKROOM_DJANGO_USERS", "1",
                "CLOAKROOM_DJANGO_VERSION", "3.2", "CLOAKROOM_SECRET_KEY", "k"));
        assertThat(config.get(DemoSettings.DJANGO_USERS)).isTrue();
        assertThat(config.sessionSettings().djangoVersion()).isEqualTo(DjangoVersion.DJANGO_3_2);
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DJANGO_USERS", "1", "CLOAKROOM_ENGINE", "file")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLOAKROOM_DJANGO_USERS")
                .hasMessageContaining("db or cached_db");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DJANGO_VERSION", "2.2", "CLOAKROOM_SECRET_KEY", "k"))
                .sessionSettings()).isInstanceOf(ConfigurationException.class).hasMessageContaining("2.2");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DJANGO_USERS", "maybe")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLOAKROOM_DJANGO_USERS");
    }

    @Test
    void idleAndAbsoluteExpiryAreOnUnlessTheVariablesOrFlagsSayOtherwise() {
        SessionSettings demo = load(Map.of("CLOAKROOM_SECRET_KEY", "k")).sessionSettings();
        assertThat(demo.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(demo.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(demo.touchAfter()).isEqualTo(Duration.ofMinutes(1));
        SessionSettings changed = DemoSettings.read(Map.of("CLOAKROOM_SECRET_KEY", "k",
                "CLOAKROOM_IDLE_TIMEOUT", "600", "CLOAKROOM_TOUCH_AFTER", "0"),
                Map.of("--absolute-timeout", "3600"), directory).sessionSettings();
        assertThat(changed.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(changed.absoluteTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(changed.touchAfter()).isZero();
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_IDLE_TIMEOUT", "soon")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLOAKROOM_IDLE_TIMEOUT");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Settings config = DemoSettings.read(Map.of("CLOAKROOM_ENGINE", "file", "CLOAKROOM_PORT", "9000"),
                Map.of("--engine", "memory"), directory);
        assertThat(config.get(CloakroomSettings.ENGINE)).isEqualTo("memory");
        assertThat(config.get(DemoSettings.PORT)).isEqualTo(9000);
        assertThat(DemoSettings.read(Map.of("CLOAKROOM_PORT", "9000"), Map.of("--port", "9001"), directory)
                .get(DemoSettings.PORT)).isEqualTo(9001);
    }
}
