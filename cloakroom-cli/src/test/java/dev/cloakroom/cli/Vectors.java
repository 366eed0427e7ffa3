package dev.cloakroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Django 3.2's vectors, from cloakroom-core's test-jar ({@code /vectors/django-3.2.json}). */
final class Vectors {

    static final JsonNode ROOT = read();

    private Vectors() {
    }

    static String secretKey() {
        return ROOT.get("secret_key").asText();
    }

    static List<JsonNode> list(String field) {
        List<JsonNode> entries = new ArrayList<>();
        ROOT.get(field).forEach(entries::add);
        return entries;
    }

    private static JsonNode read() {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/django-3.2.json")) {
            if (in == null) {
                throw new IllegalStateException("vectors/django-3.2.json is missing from cloakroom-core's "
                        + "test-jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
