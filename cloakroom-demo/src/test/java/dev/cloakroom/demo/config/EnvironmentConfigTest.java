package dev.cloakroom.demo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.DjangoVersion;
import dev.cloakroom.SameSite;
import dev.cloakroom.SessionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvironmentConfigTest {

    private Path directory;

    @BeforeEach
    void directory() throws Exception {
        directory = Files.createTempDirectory("cloakroom-config");
    }

    private EnvironmentConfig load(Map<String, String> env) {
        return EnvironmentConfig.load(env, Map.of(), directory);
    }

    @Test
    void withNothingSetItIsDbOnSqliteInTheWorkingDirectoryWithDjangosDefaults() {
        EnvironmentConfig config = load(Map.of());
        assertThat(config.engine()).isEqualTo(EngineKind.DB);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:" + directory.resolve("cloakroom.sqlite3"));
        assertThat(config.redisUrl()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.secretSource()).isNull();
        SessionSettings settings = config.settings();
        assertThat(config.secretSource()).isEqualTo(EnvironmentConfig.SecretSource.GENERATED_FILE);
        assertThat(settings.cookieName()).isEqualTo("sessionid");
        assertThat(settings.cookieAge()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.cookieHttpOnly()).isTrue();
        assertThat(settings.cookieSecure()).isFalse();
        assertThat(settings.cookieSameSite()).isEqualTo(SameSite.LAX);
        assertThat(settings.cookiePath()).isEqualTo("/");
        assertThat(settings.cookieDomain()).isNull();
        assertThat(settings.saveEveryRequest()).isFalse();
        assertThat(settings.expireAtBrowserClose()).isFalse();
        assertThat(load(Map.of()).settings().secretKey()).isEqualTo(settings.secretKey());
    }

    @Test
    void djangoUsersAndVersionAreReadAndChecked() {
        assertThat(load(Map.of()).djangoUsers()).isFalse();
        assertThat(load(Map.of()).settings().djangoVersion()).isEqualTo(DjangoVersion.DJANGO_5_2);
        EnvironmentConfig config = load(Map.of("CLOAKROOM_DJANGO_USERS", "1",
                "CLOAKROOM_DJANGO_VERSION", "3.2", "CLOAKROOM_SECRET_KEY", "k"));
        assertThat(config.djangoUsers()).isTrue();
        assertThat(config.settings().djangoVersion()).isEqualTo(DjangoVersion.DJANGO_3_2);
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DJANGO_USERS", "1", "CLOAKROOM_ENGINE", "file")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLOAKROOM_DJANGO_USERS");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DJANGO_VERSION", "2.2", "CLOAKROOM_SECRET_KEY", "k"))
                .settings()).isInstanceOf(ConfigurationException.class).hasMessageContaining("2.2");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_DJANGO_USERS", "maybe")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLOAKROOM_DJANGO_USERS");
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
        env.put("CLOAKROOM_PORT", "0");
        EnvironmentConfig config = load(env);
        SessionSettings s = config.settings();
        assertThat(config.engine()).isEqualTo(EngineKind.CACHED_DB);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(config.redisUrl()).isEqualTo("redis://cache:6380/2");
        assertThat(config.redisKeyPrefix()).isEqualTo("app:");
        assertThat(config.filePath()).isEqualTo(directory.resolve("sessions"));
        assertThat(config.port()).isZero();
        assertThat(s.secretKey().current()).isEqualTo("current");
        assertThat(s.secretKey().fallbacks()).containsExactly("old1", "old2");
        assertThat(config.secretSource()).isEqualTo(EnvironmentConfig.SecretSource.CONFIGURED);
        assertThat(s.cookieName()).isEqualTo("sid");
        assertThat(s.cookieAge()).isEqualTo(Duration.ofHours(1));
        assertThat(s.cookieSecure()).isTrue();
        assertThat(s.cookieHttpOnly()).isFalse();
        assertThat(s.cookieSameSite()).isEqualTo(SameSite.STRICT);
        assertThat(s.cookieDomain()).isEqualTo(".example.com");
        assertThat(s.cookiePath()).isEqualTo("/app");
        assertThat(s.saveEveryRequest()).isTrue();
        assertThat(s.expireAtBrowserClose()).isTrue();
        assertThat(Files.exists(directory.resolve(".cloakroom-secret"))).isFalse();
    }

    @Test
    void flagsWinOverTheEnvironment() {
        EnvironmentConfig config = EnvironmentConfig.load(Map.of("CLOAKROOM_ENGINE", "file", "CLOAKROOM_PORT",
                "9000"),
                Map.of(Variable.ENGINE, "memory"), directory);
        assertThat(config.engine()).isEqualTo(EngineKind.MEMORY);
        assertThat(config.port()).isEqualTo(9000);
    }

    @Test
    void emptyValuesCountAsUnsetButAnEmptySecretIsAnError() {
        assertThat(load(Map.of("CLOAKROOM_ENGINE", "")).engine()).isEqualTo(EngineKind.DB);
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CLOAKROOM_SECRET_KEY is set but empty; set it to a long random string or unset "
                + "it to use ./.cloakroom-secret");
    }

    @Test
    void fallbacksNeedACurrentKeyAndNoEmptyOnes() {
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY_FALLBACKS", "old")))
                .hasMessage("CLOAKROOM_SECRET_KEY_FALLBACKS is set but CLOAKROOM_SECRET_KEY is not; set the "
                + "current key too");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_SECRET_KEY", "k", "CLOAKROOM_SECRET_KEY_FALLBACKS",
                "a,,b")))
                .hasMessage("CLOAKROOM_SECRET_KEY_FALLBACKS holds an empty key; separate non-empty keys with "
                + "commas");
    }

    @Test
    void badValuesNameTheVariableAndNeverEchoASecret() {
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_COOKIE_PATH", "app")))
                .hasMessage("Invalid CLOAKROOM_COOKIE_PATH 'app': cookiePath must start with '/' and hold no "
                + "';', was 'app'");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_REDIS_URL", "http://cache")))
                .hasMessage("Invalid CLOAKROOM_REDIS_URL 'http://cache': expected a Redis URI such as "
                + "redis://127.0.0.1:6379/0");
        assertThatThrownBy(() -> load(Map.of("CLOAKROOM_EXPIRE_AT_BROWSER_CLOSE", "sometimes")))
                .hasMessage("Invalid CLOAKROOM_EXPIRE_AT_BROWSER_CLOSE 'sometimes': expected true or false");
        assertThat(load(Map.of("CLOAKROOM_SECRET_KEY", "hunter2")).toString()).doesNotContain("hunter2");
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
