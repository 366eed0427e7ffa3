package dev.cloakroom.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** Writes Java values as Python's {@code json.dumps} with {@code ensure_ascii=True}; single use. */
final class PythonJsonWriter {

    private static final int MAX_DEPTH = 1000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final String itemSeparator;
    private final String keySeparator;

    PythonJsonWriter(StringBuilder out, boolean compact) {
        this.out = out;
        this.itemSeparator = compact ? "," : ", ";
        this.keySeparator = compact ? ":" : ": ";
    }

    void write(@Nullable Object value) {
        value(value, 0);
    }

    private void value(@Nullable Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            number(n);
        } else if (value instanceof Map<?, ?> map) {
            map(map, depth + 1);
        } else if (value instanceof JsonNode node) {
            // Before Iterable: a JsonNode is Iterable over its values only.
            node(node, depth);
        } else if (value instanceof Iterable<?> iterable && !(value instanceof Path)) {
            iterable(iterable.iterator(), depth + 1);
        } else if (value instanceof CharSequence || value instanceof Character) {
            string(value.toString());
        } else if (value instanceof Object[] array) {
            iterable(Arrays.asList(array).iterator(), depth + 1);
        } else if (value.getClass().isArray()) {
            primitiveArray(value, depth + 1);
        } else {
            throw unsupported(value);
        }
    }

    private void number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong || n instanceof LongAdder
                || n instanceof LongAccumulator) {
            out.append(n.longValue());
        } else if (n instanceof Double d) {
            PythonFloat.append(out, d.doubleValue());
        } else if (n instanceof Float f) {
            PythonFloat.append(out, f.floatValue());
        } else if (n instanceof BigInteger || n instanceof BigDecimal) {
            out.append(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else if (n instanceof DoubleAdder || n instanceof DoubleAccumulator) {
            PythonFloat.append(out, n.doubleValue());
        } else {
            throw unsupported(n);
        }
    }

    private void map(Map<?, ?> map, int depth) {
        checkDepth(depth);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(itemSeparator);
            }
            first = false;
            key(entry.getKey());
            out.append(keySeparator);
            value(entry.getValue(), depth);
        }
        out.append('}');
    }

    private void key(@Nullable Object key) {
        if (key instanceof String s) {
            string(s);
        } else if (key == null) {
            out.append("\"null\"");
        } else if (key instanceof Boolean b) {
            out.append(b ? "\"true\"" : "\"false\"");
        } else if (key instanceof CharSequence || key instanceof Character) {
            string(key.toString());
        } else if (key instanceof Number n) {
            out.append('"');
            number(n);
            out.append('"');
        } else {
            throw new IllegalArgumentException("keys must be str, int, float, bool or None, not "
                    + key.getClass().getName());
        }
    }

    private void iterable(Iterator<?> items, int depth) {
        checkDepth(depth);
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(itemSeparator);
            }
            first = false;
            value(items.next(), depth);
        }
        out.append(']');
    }

    private void primitiveArray(Object array, int depth) {
        checkDepth(depth);
        int length = Array.getLength(array);
        out.append('[');
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(itemSeparator);
            }
            value(Array.get(array, i), depth);
        }
        out.append(']');
    }

    private void node(JsonNode node, int depth) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                checkDepth(depth + 1);
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!first) {
                        out.append(itemSeparator);
                    }
                    first = false;
                    string(field.getKey());
                    out.append(keySeparator);
                    node(field.getValue(), depth + 1);
                }
                out.append('}');
            }
            case ARRAY -> iterable(node.elements(), depth + 1);
            case STRING -> string(node.textValue());
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            case NUMBER -> number(node.numberValue());
            case POJO -> value(((POJONode) node).getPojo(), depth);
            default -> throw unsupported(node);
        }
    }

    /** Appends {@code s} quoted, escaped as Python's {@code ensure_ascii=True} encoder does. */
    private void string(String s) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, run, s.length()).append('"');
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nests deeper than " + MAX_DEPTH
                    + " levels; does a collection contain itself?");
        }
    }

    private static IllegalArgumentException unsupported(Object value) {
        return new IllegalArgumentException(
                "Object of type " + value.getClass().getName() + " is not JSON serializable");
    }
}
