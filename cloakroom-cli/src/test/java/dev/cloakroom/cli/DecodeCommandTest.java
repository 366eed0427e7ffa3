package dev.cloakroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cloakroom decode} on values Django 3.2 produced (the vectors in cloakroom-core's test resources).
 */
class DecodeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> env = Map.of("CLOAKROOM_SECRET_KEY", Vectors.secretKey());

    private CliRun decode(String value) throws Exception {
        return CliRun.run(env, Files.createTempDirectory("cloakroom-decode"), "decode", value);
    }

    @Test
    void decodesEverySessionDataVector() throws Exception {
        for (JsonNode vector : Vectors.list("session_data")) {
            CliRun run = decode(vector.get("encoded").asText());
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode json = JSON.readTree(run.out());
            assertThat(json.get("kind").asText()).isEqualTo("session_data");
            assertThat(json.get("salt").asText()).isEqualTo("django.contrib.sessions.SessionStore");
            assertThat(json.get("data")).as(vector.get("encoded").asText()).isEqualTo(vector.get("session"));
            assertThat(Instant.parse(json.get("signed_at").asText()).getEpochSecond())
                    .isEqualTo(Vectors.ROOT.get("fixed_time").asLong());
        }
    }

    @Test
    void decodesEverySignedCookieVectorAndSaysItHasExpired() throws Exception {
        for (JsonNode vector : Vectors.list("signed_cookies")) {
            CliRun run = decode(vector.get("cookie_value").asText());
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode json = JSON.readTree(run.out());
            assertThat(json.get("kind").asText()).isEqualTo("signed_cookie");
            assertThat(json.get("data")).isEqualTo(vector.get("session"));
            // signed at fixed_time (2025-11-22) with a two-week cookie age: long expired today
            assertThat(json.get("expired").asBoolean()).isTrue();
        }
    }

    @Test
    void rejectsTamperedAndForeignValuesWithExitOne() throws Exception {
        for (JsonNode vector : Vectors.list("must_reject")) {
            String value = vector.get("cookie_value").asText();
            if (value.isEmpty()) {
                continue; // an empty argument is a usage question, checked below
            }
            CliRun run = decode(value);
            assertThat(run.status()).as(vector.get("why").asText()).isEqualTo(1);
            assertThat(run.errorLine())
                    .isEqualTo("cloakroom: The value does not verify with the configured secret key (tried "
                    + "the session_data and signed cookie salts); set CLOAKROOM_SECRET_KEY to the key that "
                    + "signed it");
            assertThat(run.out()).isEmpty();
        }
        assertThat(decode("").status()).isEqualTo(1);
    }

    @Test
    void decodesWithTheKeyGivenAsFlagOverTheEnvironment() throws Exception {
        String value = Vectors.list("session_data").get(3).get("encoded").asText();
        Path dir = Files.createTempDirectory("cloakroom-decode");
        CliRun wrong = CliRun.run(Map.of("CLOAKROOM_SECRET_KEY", "wrong"), dir, "decode", value);
        assertThat(wrong.status()).isEqualTo(1);
        CliRun right = CliRun.run(Map.of("CLOAKROOM_SECRET_KEY", "wrong"), dir, "decode", "--secret-key",
                Vectors.secretKey(), value);
        assertThat(right.status()).as(right.err()).isZero();
    }

    @Test
    void decodesWithAFallbackKey() throws Exception {
        String value = Vectors.list("session_data").get(3).get("encoded").asText();
        CliRun run = CliRun.run(Map.of("CLOAKROOM_SECRET_KEY", "new-key", "CLOAKROOM_SECRET_KEY_FALLBACKS",
                Vectors.secretKey()), Files.createTempDirectory("cloakroom-decode"), "decode", value);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("data").get("count").asInt()).isEqualTo(1);
    }
}
