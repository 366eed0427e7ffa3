package dev.cloakroom.signing;

import org.jspecify.annotations.Nullable;

/**
 * JSON exactly as Python's {@code json} module writes and reads it with Django's settings: the text of
 * {@code json.dumps(value, separators=(",", ":"))} (ensure_ascii, NaN and infinities as bare literals,
 * floats in {@code repr} form) and the values of {@code json.loads}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PythonJson {

    private PythonJson() {
    }

    /**
     * Returns the compact JSON text of {@code value}, as {@code json.dumps(value, separators=(",", ":"))}.
     *
     * <p>Accepted: null, {@code Boolean}, {@code String} and other {@code CharSequence}s,
     * {@code Character}, {@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger},
     * the atomic and adder numbers, {@code Double} and {@code Float} (Python's float {@code repr}, with
     * a {@code Float} written with its own shortest digits), {@code BigDecimal} (plain text),
     * {@code Map} (iteration order kept; keys that are not strings are converted as Python does:
     * {@code true}, {@code false}, {@code null}, numbers as text), {@code Iterable}s and arrays (as JSON
     * arrays), and Jackson {@code JsonNode}s. Strings are escaped with lower-case <code>&#92;uXXXX</code> for
     * every character outside printable ASCII.
     *
     * @throws IllegalArgumentException if {@code value} contains anything else (the message names the
     *     Java type) or nests deeper than 1000 levels (for example a collection that contains itself)
     */
    public static String dumps(@Nullable Object value) {
        return dumps(value, true);
    }

    /**
     * Returns the JSON text of {@code value}, compact or with Python's default separators
     * {@code ", "} and {@code ": "} (as Django's messages {@code MessageEncoder} writes).
     *
     * @throws IllegalArgumentException as for {@link #dumps(Object)}
     */
    public static String dumps(@Nullable Object value, boolean compact) {
        StringBuilder out = new StringBuilder(128);
        new PythonJsonWriter(out, compact).write(value);
        return out.toString();
    }

    /**
     * Parses one JSON value as {@code json.loads} does, also accepting {@code NaN}, {@code Infinity}
     * and {@code -Infinity}. Objects become {@code LinkedHashMap<String, Object>} (document order, the
     * last of duplicate keys wins), arrays {@code ArrayList}, integers {@code Integer} if they fit,
     * else {@code Long}, else {@code BigInteger}; numbers with a fraction or exponent {@code Double}.
     *
     * @throws IllegalArgumentException if {@code json} is not exactly one JSON value (trailing text is
     *     an error) or nests deeper than 1000 levels; the parser's exception is the cause
     */
    public static @Nullable Object loads(String json) {
        return PythonJsonReader.read(json);
    }
}
