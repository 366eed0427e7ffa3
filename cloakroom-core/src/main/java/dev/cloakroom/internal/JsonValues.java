package dev.cloakroom.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Session values as a JSON tree: {@code null}, {@link String}, {@link Boolean}, {@link Integer},
 * {@link Long}, {@link BigInteger} (each integer in the smallest that holds it, as a load gives it),
 * {@link Double}, {@link List} and {@link Map} with string keys.
 * Anything else (records, POJOs, dates) is converted with Jackson when it is put, so a value that cannot be
 * JSON fails at once, naming the key, and what a request reads back is what a later request will load.
 */
public final class JsonValues {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private JsonValues() {
    }

    /**
     * Converts {@code value} to the JSON tree stored under {@code key}.
     *
     * @throws IllegalArgumentException if it cannot be JSON, naming the key and the type
     */
    public static @Nullable Object toTree(String key, @Nullable Object value) {
        try {
            return convert(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Session value for '" + key + "' of type "
                    + (value == null ? "null" : value.getClass().getName()) + " cannot be stored as JSON: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Converts a tree value back to {@code type} with Jackson (records, POJOs, {@code LocalDate}...).
     *
     * @throws IllegalArgumentException if it does not fit, naming the key and the type
     */
    public static <T> @Nullable T fromTree(String key, @Nullable Object value, Class<T> type) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Session value for '" + key + "' cannot be read as "
                    + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Returns a deep, mutable copy of a map loaded from JSON, with string keys. */
    public static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(16, map.size() * 2));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            copy.put(keyText(e.getKey()), convert(e.getValue()));
        }
        return copy;
    }

    private static @Nullable Object convert(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Long l) {
            return l == l.intValue() ? (Object) l.intValue() : l;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? convert(big.longValue()) : big;
        }
        if (value instanceof BigDecimal dec) {
            return dec.stripTrailingZeros().scale() <= 0
                    ? convert(dec.toBigIntegerExact())
                    : dec.doubleValue();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            for (Object item : collection) {
                list.add(convert(item));
            }
            return list;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(convert(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        Object tree;
        try {
            JsonNode node = MAPPER.valueToTree(value);
            tree = MAPPER.treeToValue(node, Object.class);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return convert(tree);
    }

    private static String keyText(@Nullable Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return key.toString();
    }
}
