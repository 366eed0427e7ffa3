package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes {@link CookieHeader} against a line-by-line port of Django's {@code parse_cookie}.
 *
 * <p>Documented behaviour: {@code value(header, name)} never throws; it returns {@code null} or exactly
 * what {@code parse_cookie(header).get(name)} gives. The input is the header as UTF-8 (a servlet container
 * hands headers over as ISO-8859-1, but an adapter may not).
 */
class CookieHeaderFuzzTest {

    // The separators, the quoting and the whitespace Python strips beyond ASCII. (Jazzer writes control
    // characters such as \u001c unescaped into the dictionary file, which libFuzzer rejects: not listed.)
    @DictionaryEntries({"sessionid", "=", ";", "\"", "\\", "\\0", "\\377", "\u0085", "\u00a0", "\u1680",
            "\u2007", "\u2028", "\u202f", "\u205f", "\u3000"})
    @FuzzTest
    void readsEveryNameAsParseCookieDoes(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        ParseCookie expected = ParseCookie.of(header);
        assertThat(CookieHeader.value(header, "sessionid")).isEqualTo(expected.get("sessionid"));
        assertThat(CookieHeader.value(header, "")).isEqualTo(expected.get(""));
        for (String name : expected.names(4)) {
            assertThat(CookieHeader.value(header, name)).as("cookie %s", name).isEqualTo(expected.get(name));
        }
        assertThat(CookieHeader.value(List.of(header, "x=1"), "sessionid"))
                .isEqualTo(expected.get("sessionid"));
    }

    /** Django's {@code parse_cookie}, written as plainly as the Python, to compare with. */
    private static final class ParseCookie {

        // Python's str.isspace() below U+10000.
        private static final Set<Character> PYTHON_SPACE = Set.of('\t', '\n', '\u000b', '\f', '\r', '\u001c',
                '\u001d', '\u001e', '\u001f', ' ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002',
                '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028',
                '\u2029', '\u202f', '\u205f', '\u3000');

        private final List<String> keys = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        static ParseCookie of(String cookie) {
            ParseCookie dict = new ParseCookie();
            for (String chunk : cookie.split(";", -1)) {
                String key;
                String value;
                int eq = chunk.indexOf('=');
                if (eq >= 0) {
                    key = chunk.substring(0, eq);
                    value = chunk.substring(eq + 1);
                } else {
                    key = "";
                    value = chunk;
                }
                key = strip(key);
                value = strip(value);
                if (!key.isEmpty() || !value.isEmpty()) {
                    dict.keys.add(key);
                    dict.values.add(unquote(value));
                }
            }
            return dict;
        }

        String get(String name) {
            return keys.contains(name) ? values.get(keys.lastIndexOf(name)) : null;
        }

        List<String> names(int limit) {
            return keys.stream().distinct().limit(limit).toList();
        }

        private static String strip(String s) {
            int a = 0;
            int b = s.length();
            while (a < b && PYTHON_SPACE.contains(s.charAt(a))) {
                a++;
            }
            while (b > a && PYTHON_SPACE.contains(s.charAt(b - 1))) {
                b--;
            }
            return s.substring(a, b);
        }

        // http.cookies._unquote: re.sub(r'\\(?:([0-3][0-7][0-7])|(.))', ...) on the text between the quotes.
        private static String unquote(String s) {
            if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
                return s;
            }
            String inner = s.substring(1, s.length() - 1);
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < inner.length()) {
                char c = inner.charAt(i);
                if (c == '\\' && isOctal(inner, i + 1)) {
                    out.append((char) Integer.parseInt(inner.substring(i + 1, i + 4), 8));
                    i += 4;
                } else if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) != '\n') {
                    out.append(inner.charAt(i + 1));
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private static boolean isOctal(String s, int from) {
            return from + 3 <= s.length() && s.charAt(from) >= '0' && s.charAt(from) <= '3'
                    && s.charAt(from + 1) >= '0' && s.charAt(from + 1) <= '7'
                    && s.charAt(from + 2) >= '0' && s.charAt(from + 2) <= '7';
        }
    }
}
