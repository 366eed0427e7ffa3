package dev.cloakroom.djangoauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.DjangoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hashes made by real Djangos (3.2.25 and 5.2.17: {@code manage.py password_vectors} of the interop
 * project, in {@code vectors/passwords-django-*.json}) are verified as those Djangos verified them, with
 * the upgrade decision each made. Takes about 20 s: the vectors include each hasher at Django's default cost.
 */
class DjangoPasswordHasherTest {

    static Stream<Arguments> vectors() {
        List<Arguments> all = new ArrayList<>();
        for (String version : List.of("3.2", "5.2")) {
            JsonNode file = load(version);
            for (JsonNode vector : file.get("vectors")) {
                all.add(Arguments.of(version, vector.get("algorithm").asText(), vector));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "Django {0}: {1} {index}")
    @MethodSource("vectors")
    void verifiesAndDecidesTheUpgradeAsDjangoDid(String version, String algorithm, JsonNode vector) {
        DjangoPasswordHasher hasher = DjangoPasswordHasher.of(DjangoVersion.parse(version));
        String password = vector.get("password").asText();
        String encoded = vector.get("encoded").asText();

        assertThat(DjangoPasswordHasher.algorithmOf(encoded)).isEqualTo(algorithm);
        assertThat(hasher.verify(password, encoded)).isEqualTo(vector.get("valid").asBoolean()).isTrue();
        assertThat(hasher.mustUpdate(encoded)).isEqualTo(vector.get("must_update").asBoolean());
        if (!password.equals("correct horse")) { // the cheap ones: the wrong password costs a second hash
            assertThat(hasher.verify(password + "!", encoded)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.2", "5.2"})
    void aMatchingHashThatMustBeUpdatedIsHashedAnewOnCheck(String version) {
        DjangoPasswordHasher hasher = DjangoPasswordHasher.of(DjangoVersion.parse(version));
        for (JsonNode vector : load(version).get("vectors")) {
            String encoded = vector.get("encoded").asText();
            String password = vector.get("password").asText();
            String algorithm = vector.get("algorithm").asText();
            if (password.isEmpty() && (algorithm.equals("argon2") || algorithm.equals("pbkdf2_sha256"))) {
                PasswordCheck check = hasher.check(password, encoded);
                assertThat(check.valid()).as(encoded).isTrue();
                assertThat(check.upgradedHash()).as(encoded)
                        .startsWith("pbkdf2_sha256$" + hasher.iterations() + "$");
                assertThat(hasher.mustUpdate(check.upgradedHash())).isFalse();
                assertThat(hasher.check("wrong", encoded)).isEqualTo(new PasswordCheck(false, null));
            }
        }
        String current = hasher.hash("same");
        assertThat(hasher.check("same", current)).isEqualTo(new PasswordCheck(true, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.2", "5.2"})
    void unusableAndGarbageHashesNeverMatch(String version) {
        DjangoPasswordHasher hasher = DjangoPasswordHasher.of(DjangoVersion.parse(version));
        for (JsonNode unusable : load(version).get("unusable")) {
            String encoded = unusable.get("encoded").asText();
            assertThat(DjangoPasswordHasher.isUsable(encoded)).as(encoded)
                    .isEqualTo(unusable.get("usable").asBoolean());
            assertThat(hasher.verify("x", encoded)).as(encoded).isFalse();
        }
        for (String garbage : List.of("pbkdf2_sha256$notanumber$salt$hash", "pbkdf2_sha256$-5$salt$aGFzaA==",
                "argon2$argon2id$v=19$m=x$salt$hash", "bcrypt_sha256$$2b$99$short", "scrypt$1$2",
                "md5$$", "sha1$salt$", "crypt$$abc", "unknown$1$2$3")) {
            assertThat(hasher.check("x", garbage).valid()).as(garbage).isFalse();
        }
        assertThat(hasher.verify("x", null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.2", "4.2", "5.2"})
    void newHashesArePbkdf2WithTheVersionsIterations(String version) {
        DjangoPasswordHasher hasher = DjangoPasswordHasher.of(DjangoVersion.parse(version));
        int expected = switch (version) {
            case "3.2" -> 260_000;
            case "4.2" -> 600_000;
            default -> 1_000_000;
        };
        String encoded = hasher.hash("pässwörd ✓");

        assertThat(encoded).matches("pbkdf2_sha256\\$" + expected
                + "\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
        assertThat(hasher.verify("pässwörd ✓", encoded)).isTrue();
        assertThat(hasher.mustUpdate(encoded)).isFalse();
        assertThat(hasher.hash("pässwörd ✓")).as("a fresh salt each time").isNotEqualTo(encoded);
    }

    static JsonNode load(String version) {
        String name = "/vectors/passwords-django-" + version + ".json";
        try (InputStream in = DjangoPasswordHasherTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + name, e);
        }
    }
}
