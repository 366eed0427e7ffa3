package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import dev.cloakroom.config.CloakroomSettings;
import dev.cloakroom.config.Setting;
import dev.cloakroom.config.Spelling;
import dev.cloakroom.testkit.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Exit statuses and one-line messages for bad flags, bad variables and bad engines; --help everywhere. */
class CliUsageTest {

    private static final List<String> COMMANDS =
            List.of("demo", "migrate", "clearsessions", "inspect", "list", "revoke", "stats", "decode");

    private Path directory;

    @BeforeEach
    void directory() throws Exception {
        directory = Files.createTempDirectory("cloakroom-cli-usage");
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.run(env, directory, args);
    }

    private static void assertOneLineError(CliRun run, int status, String line) {
        assertThat(run.status()).as(run.err()).isEqualTo(status);
        assertThat(run.err()).hasLineCount(1).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.errorLine()).isEqualTo(line);
    }

    @Test
    void everyCommandHasHelpThatExitsZero() {
        for (String command : COMMANDS) {
            CliRun run = run(Map.of(), command, "--help");
            assertThat(run.status()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: cloakroom " + command);
        }
        CliRun root = run(Map.of(), "--help");
        assertThat(root.status()).isZero();
        assertThat(root.out()).contains("clearsessions").contains("decode").contains("Exit status: 0 ok");
    }

    @Test
    void everyCommandThatReadsSettingsHasTheFlagsOfEverySettingAndItsOlderNames() {
        for (String command : List.of("migrate", "clearsessions", "inspect", "list", "revoke", "stats",
                "decode")) {
            String help = run(Map.of(), command, "--help").out();
            for (Setting<?> setting : CloakroomSettings.ALL) {
                for (String flag : setting.keys(Spelling.FLAG)) {
                    assertThat(help).as(command).contains(flag);
                }
                assertThat(help).as(command).contains(setting.environmentName());
            }
        }
    }

    @Test
    void theDemoIsAJarOfItsOwn() {
        CliRun run = run(Map.of(), "demo", "--port", "0");
        assertOneLineError(run, 2, "cloakroom: The demo is a jar of its own: run './cloakroom demo' (or java "
                + "-jar cloakroom-demo/target/cloakroom-demo.jar)");
    }

    @Test
    void noCommandIsAUsageError() {
        assertOneLineError(run(Map.of()), 2,
                "cloakroom: Missing command: try 'cloakroom demo', or 'cloakroom --help' for the list");
    }

    @Test
    void unknownCommandsAndFlagsAreUsageErrors() {
        CliRun command = run(Map.of(), "frobnicate");
        assertThat(command.status()).isEqualTo(2);
        assertThat(command.errorLine()).startsWith("cloakroom: Unmatched argument").contains("frobnicate")
                .endsWith("(see 'cloakroom --help')");
        assertOneLineError(run(Map.of(), "stats", "--frobnicate"), 2,
                "cloakroom stats: Unknown option: '--frobnicate' (see 'cloakroom stats --help')");
        assertOneLineError(run(Map.of(), "inspect"), 2,
                "cloakroom inspect: Missing required parameter: 'KEY' (see 'cloakroom inspect --help')");
    }

    @Test
    void badEnvironmentValuesNameTheVariableAndTheValue() {
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_AGE", "two weeks"), "stats"), 2,
                "cloakroom: Invalid CLOAKROOM_COOKIE_AGE 'two weeks': expected a whole number of seconds, "
                        + "such as 1209600 (two weeks)");
        assertOneLineError(run(Map.of("CLOAKROOM_ENGINE", "redis"), "stats"), 2,
                "cloakroom: Invalid CLOAKROOM_ENGINE 'redis': expected one of db, cache, cached_db, file, "
                        + "signed_cookies, encrypted_cookies, memory");
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_SECURE", "maybe"), "stats"), 2,
                "cloakroom: Invalid CLOAKROOM_COOKIE_SECURE 'maybe': expected true or false");
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_SAMESITE", "lenient"), "stats"), 2,
                "cloakroom: Invalid CLOAKROOM_COOKIE_SAMESITE 'lenient': expected Lax, Strict, None or "
                        + "false");
        assertOneLineError(run(Map.of("CLOAKROOM_DATABASE_URL", "postgres://db/app"), "stats"), 2,
                "cloakroom: Invalid CLOAKROOM_DATABASE_URL 'postgres://db/app': expected a JDBC URL such as "
                        + "jdbc:sqlite:./cloakroom.sqlite3 or jdbc:postgresql://127.0.0.1:5432/app");
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_NAME", "my session"), "stats"), 2,
                "cloakroom: Invalid CLOAKROOM_COOKIE_NAME 'my session': cookieName must be a non-empty "
                        + "cookie token, was 'my session'");
    }

    @Test
    void flagsOverrideTheEnvironmentAndAreNamedInErrors() {
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_AGE", "60"), "stats", "--cookie-age", "-1"), 2,
                "cloakroom: Invalid --cookie-age '-1': expected at least 1 second");
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_SAMESITE", "Lax"), "stats", "--cookie-samesite",
                "lenient"), 2,
                "cloakroom: Invalid --cookie-samesite 'lenient': expected Lax, Strict, None or false");
        assertOneLineError(run(Map.of(), "decode", "--cookie-same-site=lenient", "x"), 2,
                "cloakroom: Invalid --cookie-same-site 'lenient': expected Lax, Strict, None or false");
    }

    @Test
    void passwordsInDatabaseUrlsAreNeverPrinted() {
        CliRun run = run(Map.of("CLOAKROOM_DATABASE_URL", "jdbc:oracle://scott:tiger@db/app?password=tiger"),
                "stats");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("tiger").contains("scott:***@").hasLineCount(1);
    }

    @Test
    void anUnreachableDatabaseExitsOneWithOneLineAndAStackTraceOnlyWhenVerbose() {
        Map<String, String> env = Map.of("CLOAKROOM_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/nothing?user=postgres&connectTimeout=1",
                        "CLOAKROOM_SECRET_KEY", "k");
        CliRun quiet = run(env, "stats");
        assertThat(quiet.status()).isEqualTo(1);
        assertThat(quiet.err()).hasLineCount(1).doesNotContain("\tat ");
        assertThat(quiet.errorLine()).startsWith("cloakroom: ").contains("127.0.0.1:1");
        CliRun verbose = run(env, "stats", "--verbose");
        assertThat(verbose.status()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void signedCookiesCannotBeRevokedListedOrCounted() {
        Map<String, String> env = Map.of("CLOAKROOM_ENGINE", "signed_cookies", "CLOAKROOM_SECRET_KEY", "k");
        CliRun revoke = run(env, "revoke", "--user", "1");
        assertThat(revoke.status()).isEqualTo(2);
        assertThat(revoke.errorLine())
                .startsWith("cloakroom: Signed cookies cannot be revoked: the session lives in the browser's "
                + "cookie").contains("Rotate CLOAKROOM_SECRET_KEY");
        assertThat(run(env, "revoke", "abcdefghijkl").status()).isEqualTo(2);
        assertThat(run(env, "list").status()).isEqualTo(2);
        assertThat(run(env, "stats").errorLine())
                .contains("signed_cookies engine stores sessions in the browser");
        CliRun clear = run(env, "clearsessions");
        assertThat(clear.status()).isZero();
        assertThat(clear.out())
                .startsWith("Removed 0 expired sessions: signed_cookies sessions live in browsers");
    }

    @Test
    void inspectOnSignedCookiesReadsTheCookieValue() {
        String cookie = Vectors.list("signed_cookies").get(1).get("cookie_value").asText();
        CliRun run = run(Map.of("CLOAKROOM_ENGINE", "signed_cookies", "CLOAKROOM_SECRET_KEY",
                Vectors.secretKey()),
                "inspect", cookie);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"count\" : 1").contains("\"expired\" : true");
    }

    @Test
    void theMemoryEngineIsInvisibleToTheCli() {
        CliRun run = run(Map.of("CLOAKROOM_ENGINE", "memory", "CLOAKROOM_SECRET_KEY", "k"), "inspect",
                "abcdefghijklmnop");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errorLine())
                .contains("memory engine keeps sessions inside the process that made them");
    }

    @Test
    void withoutASecretKeyOneIsGeneratedOnceIntoAPrivateFileWithAWarning() throws Exception {
        ((Logger) LoggerFactory.getLogger("dev.cloakroom.config"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path secretFile = directory.resolve(".cloakroom-secret");
        try (LogCapture log = LogCapture.of("dev.cloakroom.config.SecretKeyFile")) {
            CliRun first = run(Map.of(), "decode", "e30:1vMb2m:94JbyZyFYE3hJULK1lzXCxxcKp3MJwVMVKNUJFi3wVI");
            assertThat(first.status()).isEqualTo(1); // the vector was signed with another key
            assertThat(secretFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                    .isEqualTo("rw-------");
            String secret = Files.readString(secretFile).trim();
            assertThat(secret).hasSize(50);
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARN No CLOAKROOM_SECRET_KEY set: generated a secret key into " + secretFile)
                    .doesNotContain(secret);

            run(Map.of(), "decode", "e30:1vMb2m:94JbyZyFYE3hJULK1lzXCxxcKp3MJwVMVKNUJFi3wVI");
            assertThat(Files.readString(secretFile).trim()).isEqualTo(secret);
            assertThat(log.lines()).hasSize(1);
        }
        assertThat(directory.toFile().list()).containsExactly(".cloakroom-secret");
    }

    @Test
    void commandsThatNeedNoSecretCreateNoSecretFile() {
        CliRun run = run(Map.of("CLOAKROOM_ENGINE", "cache"), "clearsessions");
        assertThat(run.status()).isZero();
        assertThat(directory.resolve(".cloakroom-secret")).doesNotExist();
    }
}
