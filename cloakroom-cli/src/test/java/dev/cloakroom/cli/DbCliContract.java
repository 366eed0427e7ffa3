package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.jdbc.JdbcEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CLI against the {@code db} engine, on the database a subclass names: migrate, clearsessions, inspect,
 * list, revoke and stats, on sessions the test writes through a {@link JdbcEngine} as an application would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DbCliContract {

    static final String SECRET = "cli-test-secret-key-0123456789abcdefghij";
    static final ObjectMapper JSON = new ObjectMapper();

    Path directory;
    final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    SessionSettings settings;
    JdbcEngine engine;
    CliRun migrated;

    /** The JDBC URL of an empty database (or schema) for this class. */
    abstract String databaseUrl() throws Exception;

    @BeforeAll
    void migrateAndOpenEngine() throws Exception {
        directory = Files.createTempDirectory("cloakroom-cli");
        migrated = cli("migrate");
        settings = SessionSettings.builder().secretKey(SECRET).clock(clock).build();
        engine = JdbcEngine.builder(databaseUrl()).clock(clock).userColumn().createSchema(false).build();
    }

    @AfterAll
    void closeEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void emptyTable() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        sql("DELETE FROM django_session");
    }

    Map<String, String> environment() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CLOAKROOM_ENGINE", "db");
        env.put("CLOAKROOM_DATABASE_URL", databaseUrl());
        env.put("CLOAKROOM_SECRET_KEY", SECRET);
        return env;
    }

    CliRun cli(String... args) throws Exception {
        return CliRun.run(environment(), directory, args);
    }

    /** Saves a session with {@code data} at the test clock's time; returns its key. */
    String session(Map<String, Object> data) {
        return save(engine, settings, data);
    }

    /** Saves a session with {@code data} on {@code engine}, logged in if it names a user; returns its key. */
    static String save(SessionEngine engine, SessionSettings settings, Map<String, Object> data) {
        Session session = Session.open(engine, settings, null);
        session.update(data);
        if (data.get("_auth_user_id") instanceof String user) {
            session.setVerifiedUser(user); // stands for a verified login
        }
        session.save();
        return session.key();
    }

    /** Saves a session that expired a day ago. */
    String expiredSession(Map<String, Object> data) {
        Instant now = clock.instant();
        clock.set(now.minus(settings.cookieAge()).minus(1, ChronoUnit.DAYS));
        try {
            return session(data);
        } finally {
            clock.set(now);
        }
    }

    void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    List<Integer> storedDataLengths() throws Exception {
        List<Integer> lengths = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(databaseUrl()); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT session_data FROM django_session")) {
            while (rows.next()) {
                lengths.add(rows.getString(1).length());
            }
        }
        return lengths;
    }

    @Test
    void migrateCreatedTheTableAndASecondRunChangesNothing() throws Exception {
        assertThat(migrated.status()).as(migrated.err()).isZero();
        assertThat(migrated.out()).containsIgnoringCase("CREATE TABLE").contains("django_session")
                .contains("user_id");
        CliRun again = cli("migrate");
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("Table django_session is up to date");
        assertThat(engine).isInstanceOf(UserSessionIndex.class);
    }

    @Test
    void clearSessionsRemovesOnlyExpiredSessionsAndSaysHowMany() throws Exception {
        String live = session(Map.of("count", 1));
        expiredSession(Map.of("count", 2));
        expiredSession(Map.of("count", 3));
        expiredSession(Map.of("count", 4));

        CliRun first = cli("clearsessions");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("Removed 3 expired sessions");
        assertThat(first.err()).contains("Clearing expired sessions (db, ");
        assertThat(engine.exists(live)).isTrue();

        CliRun second = cli("clearsessions");
        assertThat(second.out()).contains("Removed 0 expired sessions");
    }

    @Test
    void inspectPrintsTheDecodedSessionAndItsExpiry() throws Exception {
        String key = session(Map.of("count", 1, "name", "Zoë", "_auth_user_id", "7"));
        CliRun run = cli("inspect", key);
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("session_key").asText()).isEqualTo(key);
        assertThat(json.get("expired").asBoolean()).isFalse();
        assertThat(Instant.parse(json.get("expire_date").asText()))
                .isEqualTo(clock.instant().plus(settings.cookieAge()));
        assertThat(json.get("user_id").asText()).isEqualTo("7");
        assertThat(json.get("data").get("count").asInt()).isEqualTo(1);
        assertThat(json.get("data").get("name").asText()).isEqualTo("Zoë");
    }

    @Test
    void inspectShowsExpiredSessionsAsExpired() throws Exception {
        String key = expiredSession(Map.of("old", true));
        JsonNode json = JSON.readTree(cli("inspect", key).out());
        assertThat(json.get("expired").asBoolean()).isTrue();
        assertThat(json.get("data").get("old").asBoolean()).isTrue();
    }

    @Test
    void inspectOfAnUnknownKeyExitsOneNamingOnlyTheKeySuffix() throws Exception {
        String key = "abcdefghijklmnopqrstuvwxyz012345";
        CliRun run = cli("inspect", key);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errorLine()).startsWith("cloakroom: No session …012345 in the db engine")
                .doesNotContain(key);
        assertThat(run.err()).doesNotContain("\tat ").hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void inspectWithAnotherSecretKeyExitsOneSayingItDoesNotVerify() throws Exception {
        String key = session(Map.of("count", 1));
        Map<String, String> env = environment();
        env.put("CLOAKROOM_SECRET_KEY", "another-secret");
        CliRun run = CliRun.run(env, directory, "inspect", key);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errorLine()).contains("does not verify with the configured secret key");
    }

    @Test
    void inspectReadsSessionsSignedWithAFallbackKey() throws Exception {
        String key = session(Map.of("count", 5));
        Map<String, String> env = environment();
        env.put("CLOAKROOM_SECRET_KEY", "the-new-secret");
        env.put("CLOAKROOM_SECRET_KEY_FALLBACKS", "unrelated, " + SECRET);
        CliRun run = CliRun.run(env, directory, "inspect", key);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("data").get("count").asInt()).isEqualTo(5);
    }

    @Test
    void listShowsLiveSessionsSoonestExpiryFirstWithSizeAndUser() throws Exception {
        String later = session(Map.of("_auth_user_id", "1"));
        clock.advance(java.time.Duration.ofMinutes(-5));
        String sooner = session(Map.of("count", 1));
        clock.advance(java.time.Duration.ofMinutes(5));
        expiredSession(Map.of("gone", true));

        CliRun run = cli("list");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("KEY").contains("EXPIRES (UTC)").contains("SIZE")
                .contains("USER");
        assertThat(lines.get(1)).startsWith(sooner).endsWith("-");
        assertThat(lines.get(2)).startsWith(later).endsWith("1");
        assertThat(lines.get(3)).isEqualTo("2 sessions.");
        assertThat(lines).hasSize(4);
    }

    @Test
    void listFiltersByUserAndHonoursTheLimit() throws Exception {
        String alice1 = session(Map.of("_auth_user_id", "1"));
        String alice2 = session(Map.of("_auth_user_id", "1"));
        String bob = session(Map.of("_auth_user_id", "2"));

        CliRun mine = cli("list", "--user", "1");
        assertThat(mine.out()).contains(alice1).contains(alice2).doesNotContain(bob)
                .contains("2 sessions of user 1.");
        CliRun one = cli("list", "--limit", "1");
        assertThat(one.out().lines().count()).isEqualTo(3);
        assertThat(one.out()).contains("1 session (limit reached; raise --limit to see more).");
    }

    @Test
    void listRejectsANonPositiveLimit() throws Exception {
        CliRun run = cli("list", "--limit", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errorLine()).isEqualTo("cloakroom: Invalid --limit 0: expected at least 1");
        CliRun text = cli("list", "--limit", "many");
        assertThat(text.status()).isEqualTo(2);
        assertThat(text.errorLine()).contains("'many'").contains("--limit");
    }

    @Test
    void revokeDeletesTheGivenKeys() throws Exception {
        String a = session(Map.of("a", 1));
        String b = session(Map.of("b", 1));
        String kept = session(Map.of("c", 1));
        CliRun run = cli("revoke", a, b);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Revoked …" + a.substring(26)).contains("Revoked 2 sessions.");
        assertThat(engine.exists(a)).isFalse();
        assertThat(engine.exists(b)).isFalse();
        assertThat(engine.exists(kept)).isTrue();
    }

    @Test
    void revokeOfAnUnknownKeyExitsOneButRevokesTheOthers() throws Exception {
        String a = session(Map.of("a", 1));
        CliRun run = cli("revoke", a, "nosuchsessionkey00000000000000ab");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("cloakroom: No session …0000ab").doesNotContain("nosuchsessionkey");
        assertThat(run.out()).contains("Revoked 1 session.");
        assertThat(engine.exists(a)).isFalse();
    }

    @Test
    void revokeUserDeletesEverySessionOfThatUserOnly() throws Exception {
        String alice1 = session(Map.of("_auth_user_id", "1"));
        String alice2 = session(Map.of("_auth_user_id", "1"));
        String bob = session(Map.of("_auth_user_id", "2"));
        CliRun run = cli("revoke", "--user", "1");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Revoked 2 sessions of user 1.");
        assertThat(engine.exists(alice1)).isFalse();
        assertThat(engine.exists(alice2)).isFalse();
        assertThat(engine.exists(bob)).isTrue();
    }

    @Test
    void revokeNeedsKeysOrAUserButNotBoth() throws Exception {
        assertThat(cli("revoke").status()).isEqualTo(2);
        CliRun both = cli("revoke", "--user", "1", "abcdefghijklmnop");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.errorLine()).contains("either session keys or --user ID");
    }

    @Test
    void statsCountsLiveAndExpiredAndMeasuresSizes() throws Exception {
        session(Map.of("count", 1));
        session(Map.of("cart", List.of(1, 2, 3), "note", "x".repeat(300)));
        expiredSession(Map.of("old", 1));
        List<Integer> lengths = storedDataLengths();
        long total = lengths.stream().mapToLong(Integer::longValue).sum();
        long largest = lengths.stream().mapToLong(Integer::longValue).max().orElseThrow();

        CliRun run = cli("stats");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("live          2\n")
                .contains("expired       1 (run 'cloakroom clearsessions'")
                .contains("total size    " + total + " bytes").contains("largest       " + largest
                + " bytes");
    }
}
