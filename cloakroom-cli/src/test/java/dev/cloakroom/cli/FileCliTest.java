package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.FileEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI on the file engine: inspect, list, stats, revoke and clearsessions read Django's file layout. */
class FileCliTest {

    private static final String SECRET = "file-cli-secret";
    private Path sessions;
    private Path directory;
    private final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SessionSettings settings;
    private FileEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        directory = Files.createTempDirectory("cloakroom-file-cli");
        sessions = Files.createDirectories(directory.resolve("sessions"));
        settings = SessionSettings.builder().secretKey(SECRET).clock(clock).build();
        engine = FileEngine.builder(settings).directory(sessions).build();
    }

    private String session(Map<String, Object> data) {
        Session session = Session.open(engine, settings, null);
        session.update(data);
        session.save();
        return session.key();
    }

    private CliRun cli(String... args) {
        return CliRun.run(Map.of("CLOAKROOM_ENGINE", "file", "CLOAKROOM_FILE_PATH", sessions.toString(),
                "CLOAKROOM_SECRET_KEY", SECRET), directory, args);
    }

    @Test
    void inspectListStatsRevokeAndClearSessions() throws Exception {
        String live = session(Map.of("_auth_user_id", "1", "count", 3));
        clock.advance(Duration.ofDays(-30));
        String expired = session(Map.of("old", true));
        clock.advance(Duration.ofDays(30));

        CliRun inspect = cli("inspect", live);
        assertThat(inspect.status()).as(inspect.err()).isZero();
        assertThat(new ObjectMapper().readTree(inspect.out()).get("data").get("count").asInt()).isEqualTo(3);

        assertThat(cli("list").out()).contains(live).doesNotContain(expired).contains("1 session.");
        assertThat(cli("list", "--user", "1").out()).contains(live);
        assertThat(cli("stats").out()).contains("live          1").contains("expired       1");

        CliRun clear = cli("clearsessions");
        assertThat(clear.out()).contains("Removed 1 expired session ");
        assertThat(Files.exists(sessions.resolve("sessionid" + expired))).isFalse();

        assertThat(cli("revoke", "--user", "1").out()).contains("Revoked 1 session of user 1.");
        assertThat(engine.exists(live)).isFalse();
        assertThat(cli("inspect", live).status()).isEqualTo(1);
    }

    @Test
    void aMissingDirectoryIsAConfigurationError() {
        CliRun run = CliRun.run(Map.of("CLOAKROOM_ENGINE", "file", "CLOAKROOM_FILE_PATH", "/no/such/dir",
                "CLOAKROOM_SECRET_KEY", SECRET), directory, "stats");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errorLine()).startsWith("cloakroom: Cannot use CLOAKROOM_FILE_PATH '/no/such/dir': ");
    }
}
