package dev.cloakroom.config;

import dev.cloakroom.SameSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsers of setting values, shared by every source so that a value means the same everywhere. Each
 * throws {@link IllegalArgumentException} whose message says what is expected.
 */
public final class SettingValues {

    private SettingValues() {
    }

    /**
     * {@code true}, {@code 1}, {@code yes}, {@code on} or {@code false}, {@code 0}, {@code no}, {@code off}.
     */
    public static boolean bool(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }

    /** A whole number of seconds, at least 1. */
    public static long seconds(String value) {
        return whole(value, 1, Long.MAX_VALUE, "expected a whole number of seconds, such as 1209600 (two "
                + "weeks)", "expected at least 1 second");
    }

    /** A whole number, at least 1. */
    public static int positiveInt(String value) {
        String expected = "expected a whole number, at least 1";
        return (int) whole(value, 1, Integer.MAX_VALUE, expected, expected);
    }

    /** A whole number of milliseconds, 0 or more. */
    public static long millis(String value) {
        return whole(value, 0, Long.MAX_VALUE, "expected a whole number of milliseconds, such as 100",
                "expected 0 or more milliseconds");
    }

    /** A TCP port from 0 to 65535. */
    public static int port(String value) {
        String expected = "expected a TCP port from 0 to 65535";
        return (int) whole(value, 0, 65535, expected, expected);
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code notANumber} or {@code outOfRange} is the message
     * of the {@link IllegalArgumentException} otherwise.
     */
    private static long whole(String value, long min, long max, String notANumber, String outOfRange) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notANumber);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(outOfRange);
        }
        return n;
    }

    /** {@code Lax}, {@code Strict}, {@code None} or {@code false}, in any case. */
    public static SameSite sameSite(String value) {
        try {
            return SameSite.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected Lax, Strict, None or false");
        }
    }

    /** Comma-separated non-empty items, trimmed. */
    public static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("expected non-empty items separated by commas");
            }
            items.add(trimmed);
        }
        return items;
    }
}
