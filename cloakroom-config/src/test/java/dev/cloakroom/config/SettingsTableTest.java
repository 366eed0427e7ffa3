package dev.cloakroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting of the table, in every spelling: environment variable, init-parameter, flag, aliases. */
class SettingsTableTest {

    /** A good and a bad value of each setting, and the reason the bad one is refused. */
    private static final Map<String, String[]> SAMPLES = Map.ofEntries(
            Map.entry("engine", new String[] {"memory", "redis",
                    "expected one of db, cache, cached_db, file, "
                    + "signed_cookies, encrypted_cookies, memory"}),
            Map.entry("secret-key", new String[] {"current", null, null}),
            Map.entry("secret-key-fallbacks", new String[] {"old1, old2", "a,,b",
                    "holds an empty key; separate non-empty keys with commas"}),
            Map.entry("cookie.name", new String[] {"sid", "my session",
                    "cookieName must be a non-empty cookie token, was 'my session'"}),
            Map.entry("cookie.age", new String[] {"3600", "two weeks",
                    "expected a whole number of seconds, such as 1209600 (two weeks)"}),
            Map.entry("cookie.domain", new String[] {".example.com", null, null}),
            Map.entry("cookie.path", new String[] {"/app", "app",
                    "cookiePath must start with '/' and hold no ';', was 'app'"}),
            Map.entry("cookie.secure", new String[] {"yes", "maybe", "expected true or false"}),
            Map.entry("cookie.http-only", new String[] {"off", "maybe", "expected true or false"}),
            Map.entry("cookie.same-site", new String[] {"Strict", "lenient",
                    "expected Lax, Strict, None or false"}),
            Map.entry("save-every-request", new String[] {"1", "sometimes", "expected true or false"}),
            Map.entry("expire-at-browser-close", new String[] {"on", "sometimes", "expected true or false"}),
            Map.entry("idle-timeout", new String[] {"1800", "0", "expected at least 1 second"}),
            Map.entry("absolute-timeout", new String[] {"28800", "-5", "expected at least 1 second"}),
            Map.entry("touch-after", new String[] {"30", "soon",
                    "expected a whole number of seconds, such as 1209600 (two weeks)"}),
            Map.entry("django-version", new String[] {"3.2", "1.11", null}),
            Map.entry("jdbc.url", new String[] {"jdbc:postgresql://db/app", "postgres://db/app",
                    "expected a JDBC URL such as jdbc:sqlite:./cloakroom.sqlite3 or "
                            + "jdbc:postgresql://127.0.0.1:5432/app"}),
            Map.entry("jdbc.table", new String[] {"sessions", null, null}),
            Map.entry("jdbc.user-column", new String[] {"owner", null, null}),
            Map.entry("jdbc.clear-expired-batch-size", new String[] {"1000", "many",
                    "expected a whole number, at least 1"}),
            Map.entry("jdbc.clear-expired-pause", new String[] {"100", "-1",
                    "expected 0 or more milliseconds"}),
            Map.entry("redis.url", new String[] {"redis://cache:6380/2", "http://cache",
                    "expected a Redis URI such as redis://127.0.0.1:6379/0"}),
            Map.entry("redis.key-prefix", new String[] {"app:", null, null}),
            Map.entry("hash-keys", new String[] {"true", "hashed", "expected true or false"}),
            Map.entry("file.path", new String[] {"sessions", null, null}),
            Map.entry("session.header", new String[] {"X-Session-Token", "X Token",
                    "sessionHeader must be an HTTP header name such as X-Session-Token, was 'X Token'"}));

    @TempDir
    Path directory;

    private Settings read(Spelling spelling, String key, String value) {
        Settings.Reader reader = Settings.reader().workingDirectory(directory);
        Map<String, String> one = Map.of(key, value);
        switch (spelling) {
            case ENVIRONMENT:
                reader.environment(one);
                break;
            case FLAG:
                reader.flags(one);
                break;
            default:
                reader.parameters(one::get);
                break;
        }
        if (!key.contains("SECRET_KEY_FALLBACKS") && !key.contains("secret-key-fallbacks")) {
            return reader.read();
        }
        return Settings.reader().workingDirectory(directory).environment(spelling == Spelling.ENVIRONMENT
                ? Map.of(key, value, "CLOAKROOM_SECRET_KEY", "k") : Map.of("CLOAKROOM_SECRET_KEY", "k"))
                .flags(spelling == Spelling.FLAG ? one : Map.of())
                .parameters(spelling == Spelling.PARAMETER ? one::get : k -> null).read();
    }

    @Test
    void everySettingHasASampleAndANameInTheCanonicalForm() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(
                CloakroomSettings.ALL.stream().map(Setting::name).toList());
        for (Setting<?> setting : CloakroomSettings.ALL) {
            assertThat(setting.name()).matches("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)?");
            assertThat(setting.description()).as(setting.name()).isNotBlank();
        }
    }

    @Test
    void everySettingParsesTheSameFromEverySpellingOfEveryName() {
        for (Setting<?> setting : CloakroomSettings.ALL) {
            String good = SAMPLES.get(setting.name())[0];
            Object expected = read(Spelling.ENVIRONMENT, setting.environmentName(), good).value(setting)
                    .orElseThrow();
            for (Spelling spelling : Spelling.values()) {
                for (String key : setting.keys(spelling)) {
                    Settings settings = read(spelling, key, good);
                    assertThat(settings.value(setting).map(Object.class::cast)).as(key).contains(expected);
                    assertThat(settings.spelledName(setting)).isEqualTo(key);
                }
            }
        }
    }

    @Test
    void badValuesAreRefusedNamingTheSettingAsSpelled() {
        for (Setting<?> setting : CloakroomSettings.ALL) {
            String[] sample = SAMPLES.get(setting.name());
            if (sample[1] == null) {
                continue;
            }
            for (Spelling spelling : Spelling.values()) {
                String key = setting.keys(spelling).get(0);
                String shown = setting.name().startsWith("secret-key") ? "***" : sample[1];
                assertThatThrownBy(() -> read(spelling, key, sample[1]).sessionSettings()).as(key)
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageStartingWith("Invalid " + key + " '" + shown + "': ")
                        .hasMessageEndingWith(sample[2] == null ? "" : sample[2]);
            }
        }
    }

    @Test
    void spellingsAreDerivedFromTheName() {
        assertThat(CloakroomSettings.COOKIE_AGE.keys(Spelling.ENVIRONMENT))
                .containsExactly("CLOAKROOM_COOKIE_AGE");
        assertThat(CloakroomSettings.COOKIE_AGE.keys(Spelling.PARAMETER)).containsExactly("cookie.age",
                "cookie-age");
        assertThat(CloakroomSettings.COOKIE_AGE.keys(Spelling.FLAG)).containsExactly("--cookie-age");
        assertThat(CloakroomSettings.COOKIE_SAME_SITE.keys(Spelling.ENVIRONMENT))
                .containsExactly("CLOAKROOM_COOKIE_SAME_SITE", "CLOAKROOM_COOKIE_SAMESITE");
        assertThat(CloakroomSettings.COOKIE_HTTP_ONLY.keys(Spelling.PARAMETER)).containsExactly(
                "cookie.http-only", "cookie-http-only", "cookie.httponly", "cookie-httponly");
        assertThat(CloakroomSettings.JDBC_URL.keys(Spelling.ENVIRONMENT))
                .containsExactly("CLOAKROOM_JDBC_URL", "CLOAKROOM_DATABASE_URL");
        assertThat(CloakroomSettings.JDBC_URL.keys(Spelling.FLAG)).containsExactly("--jdbc-url",
                "--database-url");
        assertThat(CloakroomSettings.FILE_PATH.environmentName()).isEqualTo("CLOAKROOM_FILE_PATH");
    }

    @Test
    void theCanonicalNameWinsOverAnAliasAndAnEarlierSourceOverALaterOne() {
        Settings both = Settings.reader().environment(Map.of("CLOAKROOM_COOKIE_SAME_SITE", "Strict",
                "CLOAKROOM_COOKIE_SAMESITE", "None")).read();
        assertThat(both.get(CloakroomSettings.COOKIE_SAME_SITE)).hasToString("STRICT");
        Settings layered = Settings.reader().flags(Map.of("--cookie-age", "60"))
                .environment(Map.of("CLOAKROOM_COOKIE_AGE", "120", "CLOAKROOM_COOKIE_NAME", "sid")).read();
        assertThat(layered.get(CloakroomSettings.COOKIE_AGE)).hasSeconds(60);
        assertThat(layered.spelledName(CloakroomSettings.COOKIE_AGE)).isEqualTo("--cookie-age");
        assertThat(layered.get(CloakroomSettings.COOKIE_NAME)).isEqualTo("sid");
    }

    @Test
    void blankValuesCountAsUnset() {
        Map<String, String> env = new HashMap<>();
        for (Setting<?> setting : CloakroomSettings.ALL) {
            if (setting != CloakroomSettings.SECRET_KEY) {
                env.put(setting.environmentName(), "  ");
            }
        }
        Settings settings = Settings.reader().environment(env).read();
        for (Setting<?> setting : CloakroomSettings.ALL) {
            assertThat(settings.isSet(setting)).as(setting.name()).isFalse();
        }
        assertThat(settings.engineName()).isEqualTo("db");
    }

    @Test
    void unknownKeysAreFoundPerSpelling() {
        assertThat(Settings.unknownKeys(CloakroomSettings.ALL, Spelling.PARAMETER,
                java.util.List.of("engine", "cookie-age", "cookie.same-site", "cookie-samesite",
                        "cookie_age")))
                .containsExactly("cookie_age");
        assertThat(Settings.unknownKeys(CloakroomSettings.ALL, Spelling.FLAG,
                java.util.List.of("--cookie-age", "--cookie.age"))).containsExactly("--cookie.age");
    }
}
