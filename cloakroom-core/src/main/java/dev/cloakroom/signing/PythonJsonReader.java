package dev.cloakroom.signing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads JSON into plain Java values as Python's {@code json.loads} does; stateless. */
final class PythonJsonReader {

    // Thread-safe once configured. Keys come from clients: do not intern them.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private PythonJsonReader() {
    }

    static @Nullable Object read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IllegalArgumentException("Invalid JSON: no value");
            }
            Object value = value(parser, token);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Invalid JSON: extra data after the value at "
                        + parser.currentTokenLocation().offsetDescription());
            }
            return value;
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("Invalid JSON: " + message, e);
        }
    }

    private static @Nullable Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<@Nullable Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT:
                return floatValue(parser);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("Invalid JSON: unexpected " + token + " at "
                        + parser.currentTokenLocation().offsetDescription());
        }
    }

    private static Double floatValue(JsonParser parser) throws IOException {
        double value = parser.getDoubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            // Jackson also takes INF, +INF, -INF and +Infinity; Python only these (and overflow).
            String text = parser.getText();
            char first = text.charAt(text.charAt(0) == '-' ? 1 : 0);
            boolean numeric = first >= '0' && first <= '9';
            if (!numeric && !text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity")) {
                throw new IllegalArgumentException("Invalid JSON: unexpected " + text + " at "
                        + parser.currentTokenLocation().offsetDescription());
            }
        }
        return value;
    }
}
