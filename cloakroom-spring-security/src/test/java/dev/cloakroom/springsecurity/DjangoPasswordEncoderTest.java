package dev.cloakroom.springsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.djangoauth.DjangoPasswordHasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DjangoPasswordEncoder} against the hashes real Djangos made
 * ({@code vectors/passwords-django-*.json}, shared with cloakroom-django-auth): each matches as it did in
 * Django, and {@code upgradeEncoding} is Django 5.2's {@code must_update}.
 */
class DjangoPasswordEncoderTest {

    private final DjangoPasswordEncoder encoder = new DjangoPasswordEncoder();

    static Stream<Arguments> vectors() {
        List<Arguments> all = new ArrayList<>();
        for (String version : List.of("3.2", "5.2")) {
            for (JsonNode vector : load(version).get("vectors")) {
                all.add(Arguments.of(version, vector.get("algorithm").asText(), vector));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "Django {0}: {1} {index}")
    @MethodSource("vectors")
    void matchesWhatDjangoMadeAsDjangoDid(String version, String algorithm, JsonNode vector) {
        String password = vector.get("password").asText();
        String encoded = vector.get("encoded").asText();

        assertThat(encoder.matches(password, encoded)).isEqualTo(vector.get("valid").asBoolean()).isTrue();
        if (!password.equals("correct horse")) { // the cheap ones: a wrong password costs a second hash
            assertThat(encoder.matches(password + "!", encoded)).isFalse();
        }
        if (version.equals("5.2")) {
            assertThat(encoder.upgradeEncoding(encoded)).as(encoded)
                    .isEqualTo(vector.get("must_update").asBoolean());
        }
    }

    @Test
    void hashesMadeByDjango32AreUpgradedForHavingFewerIterations() {
        for (JsonNode vector : load("3.2").get("vectors")) {
            String encoded = vector.get("encoded").asText();
            if (encoded.startsWith("pbkdf2_sha256$260000$")) {
                assertThat(encoder.upgradeEncoding(encoded)).as(encoded).isTrue();
            }
        }
        assertThat(new DjangoPasswordEncoder(DjangoPasswordHasher.withIterations(260_000))
                .upgradeEncoding("pbkdf2_sha256$260000$abcdefghijklmnopqrstuv$hash")).isFalse();
    }

    @Test
    void encodesAsDjango52MakePassword() {
        String encoded = encoder.encode("correct horse");

        assertThat(encoded).matches("pbkdf2_sha256\\$1000000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
        assertThat(encoder.matches("correct horse", encoded)).isTrue();
        assertThat(encoder.matches("correct horse!", encoded)).isFalse();
        assertThat(encoder.upgradeEncoding(encoded)).isFalse();
        assertThat(encoder.encode("correct horse")).as("a new salt each time").isNotEqualTo(encoded);
    }

    @Test
    void unusableEmptyAndMissingHashesNeverMatch() {
        DjangoPasswordEncoder cheap = new DjangoPasswordEncoder(DjangoPasswordHasher.withIterations(10));
        for (JsonNode unusable : load("5.2").get("unusable")) {
            String encoded = unusable.get("encoded").asText();
            assertThat(cheap.matches("x", encoded)).as(encoded).isFalse();
            if (!unusable.get("usable").asBoolean()) {
                assertThat(cheap.upgradeEncoding(encoded)).as(encoded).isFalse();
            }
        }
        assertThat(cheap.matches("x", null)).isFalse();
        assertThat(cheap.matches(null, cheap.encode("x"))).isFalse();
        assertThat(cheap.encode(null)).isNull();
        assertThat(cheap.upgradeEncoding(null)).isFalse();
    }

    private static JsonNode load(String version) {
        try (InputStream in = DjangoPasswordEncoderTest.class.getResourceAsStream(
                "/vectors/passwords-django-" + version + ".json")) {
            assertThat(in).as("vectors of Django " + version).isNotNull();
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
