package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cloakroom demo}'s usage, exit statuses and one-line errors. */
class DemoMainTest {

    private Path directory;

    @BeforeEach
    void directory() throws Exception {
        directory = Files.createTempDirectory("cloakroom-demo-main");
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        DemoMain.Started started = DemoMain.start(env, directory, new PrintWriter(out), new PrintWriter(err),
                args);
        DemoServer server = started.server();
        if (server != null) {
            server.close();
        }
        return new Run(started.status(), out.toString(), err.toString());
    }

    private static void assertOneLineError(Run run, int status, String line) {
        assertThat(run.status()).as(run.err()).isEqualTo(status);
        assertThat(run.err()).hasLineCount(1).isEqualTo(line + System.lineSeparator());
    }

    @Test
    void helpListsEverySettingsFlagAndExitsZero() {
        Run run = run(Map.of(), "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: cloakroom demo").contains("--port=PORT")
                .contains("--cookie-secure=BOOL").contains("--jdbc-url, --database-url=JDBC_URL")
                .contains("--django-users=BOOL")
                .contains("absolute-timeout 28800, idle-timeout 1800, touch-after 60 (seconds) unless they "
                        + "are set");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badValuesNameTheVariableOrFlagAndExitTwo() {
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_SECURE", "maybe")), 2,
                "cloakroom: Invalid CLOAKROOM_COOKIE_SECURE 'maybe': expected true or false");
        assertOneLineError(run(Map.of("CLOAKROOM_COOKIE_SAMESITE", "lenient")), 2,
                "cloakroom: Invalid CLOAKROOM_COOKIE_SAMESITE 'lenient': expected Lax, Strict, None or "
                        + "false");
        assertOneLineError(run(Map.of("CLOAKROOM_PORT", "80000")), 2,
                "cloakroom: Invalid CLOAKROOM_PORT '80000': expected a TCP port from 0 to 65535");
        assertOneLineError(run(Map.of("CLOAKROOM_PORT", "8000"), "--port", "http"), 2,
                "cloakroom: Invalid --port 'http': expected a TCP port from 0 to 65535");
        assertOneLineError(run(Map.of(), "--frobnicate", "1"), 2,
                "cloakroom: Unknown option: '--frobnicate'");
    }

    @Test
    void startsOnTheConfiguredEngineAndPort() {
        StringWriter err = new StringWriter();
        DemoMain.Started started = DemoMain.start(Map.of("CLOAKROOM_ENGINE", "memory",
                "CLOAKROOM_SECRET_KEY", "k"), directory, new PrintWriter(new StringWriter()),
                new PrintWriter(err), "--port=0");
        try (DemoServer server = started.server()) {
            assertThat(server).as(err.toString()).isNotNull();
            assertThat(server.engineName()).isEqualTo("memory");
            assertThat(server.uri().getPort()).isPositive();
        }
    }
}
