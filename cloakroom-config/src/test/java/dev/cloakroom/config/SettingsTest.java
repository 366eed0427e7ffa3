package dev.cloakroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SameSite;
import dev.cloakroom.SessionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from the environment: defaults, the secret key, cross-setting rules, messages. */
class SettingsTest {

    @TempDir
    Path directory;

    private Settings load(Map<String, String> env) {
        return Settings.reader().environment(env).workingDirectory(directory).secretKeyFile(true).read();
    }

    @Test
    void withNothingSetItIsDbOnSqliteInTheWorkingDirectoryWithDjangosDefaults() throws Exception {
        Settings config = load(Map.of());
        assertThat(config.engineName()).isEqualTo("db");
        assertThat(config.get(CloakroomSettings.JDBC_URL))
                .isEqualTo("jdbc:sqlite:" + directory.resolve("cloakroom.sqlite3"));
        assertThat(config.get(CloakroomSettings.REDIS_URL)).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(config.get(CloakroomSettings.REDIS_KEY_PREFIX)).isEqualTo("cloakroom:session:");
        assertThat(config.get(CloakroomSettings.JDBC_TABLE)).isEqualTo("django_session");
        assertThat(config.get(CloakroomSettings.JDBC_USER_COLUMN)).isEqualTo("user_id");
        assertThat(config.secretSource()).isNull();
        SessionSettings settings = config.sessionSettings();
        assertThat(config.secretSource()).isEqualTo(Settings.SecretSource.GENERATED_FILE);
        Path secretFile = directory.resolve(".cloakroom-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                .isEqualTo("rw-------");
        assertThat(settings.cookieName()).isEqualTo("sessionid");
        assertThat(settings.cookieAge()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.cookieHttpOnly()).isTrue();
        assertThat(settings.cookieSecure()).isFalse();
        assertThat(settings.cookieSameSite()).isEqualTo(SameSite.LAX);
        assertThat(settings.cookiePath()).isEqualTo("/");
        assertThat(settings.cookieDomain()).isNull();
        assertThat(settings.saveEveryRequest()).isFalse();
        assertThat(settings.expireAtBrowserClose()).isFalse();
        Settings again = load(Map.of());
        assertThat(again.sessionSettings().secretKey()).isEqualTo(settings.secretKey());
        assertThat(again.secretSource()).isEqualTo(Settings.SecretSource.FILE);
    }

    @Test
    void withoutTheSecretKeyFileTheKeyIsRandomAndNoFileIsWritten() {
        Settings config = Settings.reader().parameters(Map.of("engine", "memory")::get)
                .workingDirectory(directory).read();
        assertThat(config.sessionSettings().secretKey().current()).isNotBlank();
        assertThat(config.secretSource()).isEqualTo(Settings.SecretSource.RANDOM);
        assertThat(directory.resolve(".cloakroom-secret")).doesNotExist();
    }

    @Test
    void everyVariableReachesItsSetting() {
        Map<String, String> env = new HashMap<>();
        env.put("CLOAKROOM_ENGINE", "django.contrib.sessions.backends.cached_db");
        env.put("CLOAKROOM_DATABASE_URL", "jdbc:postgresql://db/app");
        env.put("CLOAKROOM_REDIS_URL", "redis://cache:6380/2");
        env.put("CLOAKROOM_REDIS_KEY_PREFIX", "app:");
        env.put("CLOAKROOM_FILE_PATH", "sessions");
        env.put("CLOAKROOM_SECRET_KEY", "current");
        env.put("CLOAKROOM_SECRET_KEY_FALLBACKS", "old1, old2");
        env.put("CLOAKROOM_COOKIE_NAME", "sid");
        env.put("CLOAKROOM_COOKIE_AGE", "3600");
        env.put("CLOAKROOM_COOKIE_SECURE", "yes");
        env.put("CLOAKROOM_COOKIE_HTTPONLY", "false");
        env.put("CLOAKROOM_COOKIE_SAMESITE", "Strict");
        env.put("CLOAKROOM_COOKIE_DOMAIN", ".example.com");
        env.put("CLOAKROOM_COOKIE_PATH", "/app");
        env.put("CLOAKROOM_SAVE_EVERY_REQUEST", "1");
        env.put("CLOAKROOM_EXPIRE_AT_BROWSER_CLOSE", "on");
        env.put("CLOAKROOM_IDLE_TIMEOUT", "1800");
        env.put("CLOAKROOM_ABSOLUTE_TIMEOUT", "28800");
        env.put("CLOAKROOM_TOUCH_AFTER", "0");
        Settings config = load(env);
        SessionSettings s = config.sessionSettings();
        assertThat(config.engineName()).isEqualTo("cached_db");
        assertThat(config.get(CloakroomSettings.JDBC_URL)).isEqualTo("jdbc:postgresql://db/app");
        assertThat(config.get(CloakroomSettings.REDIS_URL)).isEqualTo("redis://cache:6380/2");
        assertThat(config.get(CloakroomSettings.REDIS_KEY_PREFIX)).isEqualTo("app:");
        assertThat(config.get(CloakroomSettings.FILE_PATH)).isEqualTo(directory.resolve("sessions"));
        assertThat(s.secretKey().current()).isEqualTo("current");
        assertThat(s.secretKey().fallbacks()).containsExactly("old1", "old2");
        assertThat(config.secretSource()).isEqualTo(Settings.SecretSource.CONFIGURED);
        assertThat(s.cookieName()).isEqualTo("sid");
        assertThat(s.cookieAge()).isEqualTo(Duration.ofHours(1));
        assertThat(s.cookieSecure()).isTrue();
        assertThat(s.cookieHttpOnly()).isFalse();
        assertThat(s.cookieSameSite()).isEqualTo(SameSite.STRICT);
        assertThat(s.cookieDomain()).isEqualTo(".example.com");
        assertThat(s.cookiePath()).isEqualTo("/app");
        assertThat(s.saveEveryRequest()).isTrue();
        assertThat(s.expireAtBrowserClose()).isTrue();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(s.touchAfter()).isEqualTo(Duration.ZERO);
        assertThat(Files.exists(directory.resolve(".cloakroom-secret"))).isFalse();
    }

    @Test
    void expiryPolicyIsOffByDefaultAndATouchIntervalOverTheIdleTimeoutIsRefused() {
        SessionSettings defaults = load(Map.of("CLOAKROOM_SECRET_KEY", "k")).sessionSettings();
        assertThat(defaults.idleTimeout()).isNull();
        assertThat(defaults.absoluteTimeout()).isNull();
        assertThat(defaults.touchAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "k", "CLOAKROOM_IDLE_TIMEOUT", "60"))
                .sessionSettings())
                .hasMessageContaining("touchAfter (60s) must be shorter than idleTimeout (60s)");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "k", "CLOAKROOM_IDLE_TIMEOUT", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLOAKROOM_IDLE_TIMEOUT");
    }

    @Test
    void theDbCleanupIsPacedByBatchSizeAndPause() {
        Settings defaults = load(Map.of("CLOAKROOM_SECRET_KEY", "k"));
        assertThat(defaults.get(CloakroomSettings.JDBC_CLEAR_EXPIRED_BATCH_SIZE)).isEqualTo(10_000);
        assertThat(defaults.get(CloakroomSettings.JDBC_CLEAR_EXPIRED_PAUSE)).isEqualTo(Duration.ZERO);
        Settings paced = load(Map.of("CLOAKROOM_SECRET_KEY", "k", "CLOAKROOM_JDBC_CLEAR_EXPIRED_BATCH_SIZE",
                "1000", "CLOAKROOM_JDBC_CLEAR_EXPIRED_PAUSE", "100"));
        assertThat(paced.get(CloakroomSettings.JDBC_CLEAR_EXPIRED_BATCH_SIZE)).isEqualTo(1_000);
        assertThat(paced.get(CloakroomSettings.JDBC_CLEAR_EXPIRED_PAUSE)).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "k",
                "CLOAKROOM_JDBC_CLEAR_EXPIRED_BATCH_SIZE", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CLOAKROOM_JDBC_CLEAR_EXPIRED_BATCH_SIZE '0'");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "k",
                "CLOAKROOM_JDBC_CLEAR_EXPIRED_PAUSE", "90000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at most 60000 milliseconds");
    }

    @Test
    void emptyValuesCountAsUnsetButAnEmptySecretIsAnErrorWhenAFileWouldReplaceIt() {
        assertThat(load(Map.of("CLOAKROOM_ENGINE", "")).engineName()).isEqualTo("db");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CLOAKROOM_SECRET_KEY is set but empty; set it to a long random string or unset "
                + "it to use ./.cloakroom-secret");
    }

    @Test
    void fallbacksNeedACurrentKeyNamedInTheSameSpelling() {
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY_FALLBACKS", "old")))
                .hasMessage("CLOAKROOM_SECRET_KEY_FALLBACKS is set but CLOAKROOM_SECRET_KEY is not; set the "
                + "current key too");
        assertThatThrownBy(() -> Settings.reader().parameters(Map.of("secret-key-fallbacks", "old")::get)
                .read()).hasMessage("secret-key-fallbacks is set but secret-key is not; set the current key "
                        + "too");
    }

    @Test
    void fallbacksMayNotHoldAnEmptyKey() {
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "k", "CLOAKROOM_SECRET_KEY_FALLBACKS",
                "a,,b")))
                .hasMessage("Invalid CLOAKROOM_SECRET_KEY_FALLBACKS '***': holds an empty key; separate "
                + "non-empty keys with commas");
    }

    @Test
    void secretsAndPasswordsAreNeverShown() {
        Settings settings = load(Map.of("CLOAKROOM_SECRET_KEY", "hunter2",
                "CLOAKROOM_DATABASE_URL", "jdbc:postgresql://app:s3cret@db/app"));
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret")
                .contains("secret-key=***").contains("jdbc.url=jdbc:postgresql://app:***@db/app");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DATABASE_URL", "oracle://scott:tiger@db")))
                .hasMessageContaining("scott:***@").hasMessageNotContaining("tiger");
    }

    @Test
    void redactionHidesPasswordsButKeepsTheRest() {
        assertThat(Redaction.url("redis://:s3cret@cache:6379/0")).isEqualTo("redis://:***@cache:6379/0");
        assertThat(Redaction.url("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
        assertThat(Redaction.url("jdbc:mariadb://app:s3cret@db/app"))
                .isEqualTo("jdbc:mariadb://app:***@db/app");
        assertThat(Redaction.url("jdbc:sqlite:./cloakroom.sqlite3"))
                .isEqualTo("jdbc:sqlite:./cloakroom.sqlite3");
    }
}
