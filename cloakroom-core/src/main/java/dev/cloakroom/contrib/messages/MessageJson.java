package dev.cloakroom.contrib.messages;

import dev.cloakroom.DjangoVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code MessageEncoder} / {@code MessageDecoder} on JSON trees: a message is the array
 * {@code ["__json_message", is_safe (0|1), level, text, extra_tags?]}.
 *
 * <p>Written in the form of the configured {@link DjangoVersion}: Django 3.2 writes {@code extra_tags}
 * only when it is not empty, 4.1+ whenever it is not {@code None} (so {@code ""} too). Every version reads
 * both forms.
 */
final class MessageJson {

    static final String MESSAGE_KEY = "__json_message";

    private MessageJson() {
    }

    /** Returns the JSON tree of {@code messages}, as {@code version}'s {@code MessageEncoder} builds it. */
    static List<Object> toTree(List<Message> messages, DjangoVersion version) {
        boolean writeEmptyTags = version.atLeast(4, 1);
        List<Object> out = new ArrayList<>(messages.size() + 1);
        for (Message m : messages) {
            List<Object> element = new ArrayList<>(5);
            element.add(MESSAGE_KEY);
            element.add(m.safe() ? 1 : 0);
            element.add(m.level());
            element.add(m.text());
            if (m.extraTags() != null && (writeEmptyTags || !m.extraTags().isEmpty())) {
                element.add(m.extraTags());
            }
            out.add(element);
        }
        return out;
    }

    /**
     * Returns the elements of a decoded JSON array: each encoded message as a {@link Message}, anything
     * else (such as the cookie's {@code "__messagesnotfinished__"}) as it is.
     *
     * @throws IllegalArgumentException if {@code tree} is not an array, or an element marked as a message
     *     is malformed
     */
    static List<Object> fromTree(@Nullable Object tree) {
        if (!(tree instanceof List<?> list)) {
            throw new IllegalArgumentException("stored messages are not a JSON array");
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof List<?> fields && !fields.isEmpty() && MESSAGE_KEY.equals(fields.get(0))) {
                out.add(toMessage(fields));
            } else if (element != null) {
                out.add(element);
            }
        }
        return out;
    }

    /** Returns only the messages of {@link #fromTree}. */
    static List<Message> messagesOf(List<Object> decoded) {
        List<Message> messages = new ArrayList<>(decoded.size());
        for (Object element : decoded) {
            if (element instanceof Message m) {
                messages.add(m);
            }
        }
        return messages;
    }

    private static Message toMessage(List<?> fields) {
        if (fields.size() < 4 || fields.size() > 5) {
            throw new IllegalArgumentException("an encoded message has " + fields.size()
                    + " fields, not 4 or 5");
        }
        if (!(fields.get(2) instanceof Integer || fields.get(2) instanceof Long
                || fields.get(2) instanceof BigInteger)) {
            throw new IllegalArgumentException("an encoded message's level is not an integer");
        }
        long level = ((Number) fields.get(2)).longValue();
        if (level != (int) level) {
            throw new IllegalArgumentException("an encoded message's level is out of range");
        }
        if (!(fields.get(3) instanceof String text)) {
            throw new IllegalArgumentException("an encoded message's text is not a string");
        }
        String extraTags = null;
        if (fields.size() == 5 && fields.get(4) != null) {
            if (!(fields.get(4) instanceof String tags)) {
                throw new IllegalArgumentException("an encoded message's extra tags are not a string");
            }
            extraTags = tags;
        }
        return new Message((int) level, text, extraTags, isTruthy(fields.get(1)));
    }

    private static boolean isTruthy(@Nullable Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return value != null;
    }
}
