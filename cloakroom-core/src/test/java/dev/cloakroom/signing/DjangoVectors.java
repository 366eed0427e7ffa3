package dev.cloakroom.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The vectors Django 3.2.25 produced (test resource {@code vectors/django-3.2.json}). */
final class DjangoVectors {

    static final JsonNode ROOT = read("/vectors/django-3.2.json");

    private DjangoVectors() {
    }

    static SecretKey secretKey() {
        return SecretKey.of(ROOT.get("secret_key").asText());
    }

    static Clock fixedClock() {
        return Clock.fixed(Instant.ofEpochSecond(ROOT.get("fixed_time").asLong()), ZoneOffset.UTC);
    }

    static List<JsonNode> list(String field) {
        List<JsonNode> entries = new ArrayList<>();
        ROOT.get(field).forEach(entries::add);
        return entries;
    }

    /** Converts a vector value to the plain Java value {@link PythonJson#loads} is expected to give. */
    static @Nullable Object plain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    map.put(field.getKey(), plain(field.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<@Nullable Object> list = new ArrayList<>();
                node.forEach(element -> list.add(plain(element)));
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
                return null;
            case NUMBER:
                if (node.isInt()) {
                    return node.intValue();
                }
                if (node.isLong()) {
                    return node.longValue();
                }
                if (node.isBigInteger()) {
                    return node.bigIntegerValue();
                }
                return node.doubleValue();
            default:
                throw new IllegalArgumentException("Unexpected vector node " + node);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DjangoVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
