package dev.cloakroom.middleware;

import org.jspecify.annotations.Nullable;

/**
 * Reads one cookie out of a request's {@code Cookie} header the way Django's
 * {@code django.http.cookie.parse_cookie} does, so an adapter sees exactly the cookies Django would:
 * the header is split on {@code ;}, each piece on its first {@code =} (a piece without one is a value
 * with an empty name), name and value are stripped of whitespace, and the value is unquoted as Python's
 * {@code http.cookies._unquote} does. When a name repeats, the last value wins.
 *
 * <p>It looks at one name and builds no other cookie, which is all a session needs on each request.
 * Stateless and thread-safe.
 */
public final class CookieHeader {

    private CookieHeader() {
    }

    /**
     * Returns the value of the cookie {@code name} in the {@code Cookie} headers, or {@code null} if none
     * carries it.
     *
     * @param headers the request's {@code Cookie} header values, in the order received
     * @param name the cookie's name
     */
    public static @Nullable String value(Iterable<String> headers, String name) {
        String found = null;
        for (String header : headers) {
            String value = value(header, name);
            if (value != null) {
                found = value;
            }
        }
        return found;
    }

    /** Returns the value of the last cookie {@code name} in one {@code Cookie} header, or {@code null}. */
    public static @Nullable String value(@Nullable String header, String name) {
        if (header == null || header.indexOf(name) < 0 && !name.isEmpty()) {
            return null; // the name is not in the header at all: nothing to split
        }
        String found = null;
        int start = 0;
        int length = header.length();
        while (start <= length) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            int eq = header.indexOf('=', start);
            String key;
            String value;
            if (eq >= 0 && eq < end) {
                key = strip(header, start, eq);
                value = strip(header, eq + 1, end);
            } else {
                key = "";
                value = strip(header, start, end);
            }
            if (key.equals(name) && (!key.isEmpty() || !value.isEmpty())) {
                found = unquote(value);
            }
            start = end + 1;
        }
        return found;
    }

    /** Python's {@code str.strip()} on {@code text[from:to]}, for the characters a header can hold. */
    private static String strip(String text, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && isPythonSpace(text.charAt(a))) {
            a++;
        }
        while (b > a && isPythonSpace(text.charAt(b - 1))) {
            b--;
        }
        return text.substring(a, b);
    }

    /**
     * Python's {@code str.isspace()}. Above U+00FF that is Java's whitespace plus the two no-break spaces
     * Java leaves out (U+2007 figure space, U+202F narrow no-break space), which Python strips.
     */
    private static boolean isPythonSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f') || c == '\u0085'
                || c == '\u00a0'
                || (c > '\u00ff' && (Character.isWhitespace(c) || c == '\u2007' || c == '\u202f'));
    }

    /**
     * Python's {@code http.cookies._unquote}: a value in double quotes loses them, and inside,
     * {@code \ooo} (octal, first digit 0-3) becomes that character and {@code \c} becomes {@code c}
     * (except a line feed, which keeps its backslash). Any other value is returned as it is.
     */
    static String unquote(String value) {
        int n = value.length();
        if (n < 2 || value.charAt(0) != '"' || value.charAt(n - 1) != '"') {
            return value;
        }
        String inner = value.substring(1, n - 1);
        if (inner.indexOf('\\') < 0) {
            return inner;
        }
        StringBuilder out = new StringBuilder(inner.length());
        int i = 0;
        while (i < inner.length()) {
            char c = inner.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
            } else if (isOctalEscape(inner, i)) {
                out.append((char) Integer.parseInt(inner.substring(i + 1, i + 4), 8));
                i += 4;
            } else if (i + 1 < inner.length() && inner.charAt(i + 1) != '\n') {
                out.append(inner.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isOctalEscape(String text, int backslash) {
        return backslash + 3 < text.length()
                && text.charAt(backslash + 1) >= '0' && text.charAt(backslash + 1) <= '3'
                && text.charAt(backslash + 2) >= '0' && text.charAt(backslash + 2) <= '7'
                && text.charAt(backslash + 3) >= '0' && text.charAt(backslash + 3) <= '7';
    }
}
