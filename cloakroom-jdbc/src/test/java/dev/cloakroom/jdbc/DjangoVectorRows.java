package dev.cloakroom.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code db} rows of the vectors Django 3.2.25 produced (resource {@code vectors/django-3.2.json} of
 * cloakroom-core's test-jar): what Django stores in {@code session_data} for a session, with the vector
 * secret and the clock at {@code fixed_time}.
 */
final class DjangoVectorRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ROOT = read("/vectors/django-3.2.json");

    /** One vector: the session data, in Django's key order, and its encoding. */
    record Row(Map<String, Object> session, String encoded) {
    }

    private DjangoVectorRows() {
    }

    static String secretKey() {
        return ROOT.get("secret_key").asText();
    }

    static Instant fixedTime() {
        return Instant.ofEpochSecond(ROOT.get("fixed_time").asLong());
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (JsonNode entry : ROOT.get("session_data")) {
            if (entry.get("backend").asText().equals("db")) {
                Map<String, Object> session = JSON.convertValue(entry.get("session"),
                        new TypeReference<LinkedHashMap<String, Object>>() { });
                rows.add(new Row(session, entry.get("encoded").asText()));
            }
        }
        return rows;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DjangoVectorRows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource
                        + " (cloakroom-core test-jar)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
