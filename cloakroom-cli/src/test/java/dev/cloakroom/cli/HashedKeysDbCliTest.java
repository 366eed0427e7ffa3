package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.internal.StoredKeys;
import dev.cloakroom.jdbc.JdbcEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI on the db engine (SQLite) with CLOAKROOM_HASH_KEYS on: inspect and revoke take session keys and
 * hash them, list shows the stored hashes, and revoke --stored deletes a listed one.
 */
class HashedKeysDbCliTest {

    private static final String SECRET = "hashed-cli-secret";

    private final SessionSettings settings = SessionSettings.builder().secretKey(SECRET).build();
    private Path directory;
    private String url;
    private JdbcEngine engine;

    @BeforeEach
    void open() throws Exception {
        directory = Files.createTempDirectory("cloakroom-hashed-cli");
        url = "jdbc:sqlite:" + directory.resolve("sessions.sqlite3");
        engine = JdbcEngine.builder(url).userColumn().hashKeys(true).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private CliRun cli(String... args) {
        return CliRun.run(Map.of("CLOAKROOM_DATABASE_URL", url, "CLOAKROOM_SECRET_KEY", SECRET,
                "CLOAKROOM_HASH_KEYS", "true"), directory, args);
    }

    private String session(Map<String, Object> data) {
        return DbCliContract.save(engine, settings, data);
    }

    @Test
    void inspectTakesTheSessionKeyNotItsHash() throws Exception {
        String key = session(Map.of("_auth_user_id", "1", "cart", 3));

        CliRun run = cli("inspect", key);
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("session_key").asText()).isEqualTo(key);
        assertThat(json.get("stored_key").asText()).isEqualTo(StoredKeys.hash(key));
        assertThat(json.get("data").get("cart").asInt()).isEqualTo(3);

        assertThat(cli("inspect", StoredKeys.hash(key)).status()).isEqualTo(1);
    }

    @Test
    void listShowsStoredHashesAndSaysSo() {
        String alice = session(Map.of("_auth_user_id", "1"));
        String bob = session(Map.of("_auth_user_id", "2"));

        for (CliRun run : new CliRun[] {cli("list"), cli("list", "--user", "1")}) {
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Keys are stored hashes (CLOAKROOM_HASH_KEYS), not session keys")
                    .contains("STORED KEY (SHA-256)").contains(StoredKeys.hash(alice))
                    .doesNotContain(alice).doesNotContain(bob);
        }
    }

    @Test
    void revokeTakesTheSessionKeyAndRevokeStoredTakesAListedHash() {
        String byKey = session(Map.of("a", 1));
        String byHash = session(Map.of("b", 1));
        String listed = StoredKeys.hash(byHash);

        assertThat(cli("revoke", listed).status()).as("a hash is not a session key").isEqualTo(1);
        assertThat(engine.exists(byHash)).isTrue();
        assertThat(cli("revoke", "--stored", byHash).status()).as("a key is not a stored hash").isEqualTo(1);
        assertThat(engine.exists(byHash)).isTrue();

        CliRun revoke = cli("revoke", byKey);
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(engine.exists(byKey)).isFalse();
        CliRun stored = cli("revoke", "--stored", listed);
        assertThat(stored.status()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("Revoked 1 session.");
        assertThat(engine.exists(byHash)).isFalse();
    }

    @Test
    void revokeUserDeletesEverySessionOfThatUser() {
        String alice = session(Map.of("_auth_user_id", "1"));
        String bob = session(Map.of("_auth_user_id", "2"));
        assertThat(cli("revoke", "--user", "1").out()).contains("Revoked 1 session of user 1.");
        assertThat(engine.exists(alice)).isFalse();
        assertThat(engine.exists(bob)).isTrue();
    }
}
