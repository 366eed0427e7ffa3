package dev.cloakroom.contrib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloakroom.signing.SecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The vectors Django 3.2.25 produced (test resource {@code vectors/django-3.2.json}). */
public final class Vectors {

    /** The whole vector file. */
    public static final JsonNode ROOT = read("/vectors/django-3.2.json");

    private Vectors() {
    }

    /** The secret key the vectors were made with. */
    public static SecretKey secretKey() {
        return SecretKey.of(ROOT.get("secret_key").asText());
    }

    /** A clock standing at the vectors' {@code fixed_time}. */
    public static Clock fixedClock() {
        return Clock.fixed(Instant.ofEpochSecond(ROOT.get("fixed_time").asLong()), ZoneOffset.UTC);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
