package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session panel's line on what the engine stores, with the demo configured as {@code cloakroom demo}
 * configures it: keys hashed at rest or not ({@code CLOAKROOM_HASH_KEYS}) on SQLite, and the cookie engines.
 */
class DemoStorageNoteTest {

    private record Run(String panel, String cookie, List<String> storedKeys) {
    }

    private static Run run(Map<String, String> environment) throws Exception {
        Path directory = Files.createTempDirectory("cloakroom-demo-storage");
        Path database = directory.resolve("sessions.sqlite3");
        Map<String, String> env = new HashMap<>(environment);
        env.put("CLOAKROOM_PORT", "0");
        env.put("CLOAKROOM_SECRET_KEY", "storage-note-test-secret");
        env.put("CLOAKROOM_DATABASE_URL", "jdbc:sqlite:" + database);
        try (DemoServer server = DemoServer.start(DemoSettings.read(env, Map.of(), directory))) {
            TestClient browser = new TestClient(server.uri());
            browser.get("/counter");
            String page = browser.get("/counter").body();
            String marker = "id=\"panel-storage\">";
            int start = page.indexOf(marker);
            String panel = start < 0 ? ""
                    : page.substring(start + marker.length(), page.indexOf("</span>", start))
                            .replace("&#61;", "=");
            List<String> keys = new ArrayList<>();
            if (Files.exists(database)) {
                try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                        ResultSet rows = db.createStatement().executeQuery(
                                "SELECT session_key FROM django_session")) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
            }
            return new Run(panel, browser.cookie("sessionid"), keys);
        }
    }

    @Test
    void withHashKeysTheDatabaseHoldsOnlyTheHashAndThePanelSaysSo() throws Exception {
        Run run = run(Map.of("CLOAKROOM_ENGINE", "db", "CLOAKROOM_HASH_KEYS", "true"));
        assertThat(run.panel()).isEqualTo(StorageNote.HASHED);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(run.cookie().getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        assertThat(run.storedKeys()).containsExactly(hash).doesNotContain(run.cookie());
    }

    @Test
    void withoutHashKeysThePanelSaysTheKeysAreStoredAsTheyAreAndHowToHashThem() throws Exception {
        Run run = run(Map.of("CLOAKROOM_ENGINE", "db"));
        assertThat(run.panel()).isEqualTo(StorageNote.PLAIN + StorageNote.CAN_HASH);
        assertThat(run.storedKeys()).containsExactly(run.cookie());
    }

    @Test
    void engineThatCannotHashKeysAndTheCookieEnginesSayWhatTheyKeep() throws Exception {
        assertThat(run(Map.of("CLOAKROOM_ENGINE", "memory")).panel()).isEqualTo(StorageNote.PLAIN);
        assertThat(run(Map.of("CLOAKROOM_ENGINE", "signed_cookies")).panel()).isEqualTo(StorageNote.SIGNED);
        assertThat(run(Map.of("CLOAKROOM_ENGINE", "encrypted_cookies")).panel())
                .isEqualTo(StorageNote.ENCRYPTED);
    }
}
