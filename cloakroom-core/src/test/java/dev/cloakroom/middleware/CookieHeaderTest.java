package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CookieHeaderTest {

    /** Headers, a name, and what Django 3.2's {@code parse_cookie(header).get(name)} gave for them. */
    static Stream<Arguments> djangoParseCookie() throws Exception {
        try (InputStream in =
                CookieHeaderTest.class.getResourceAsStream("/vectors/django-3.2-parse-cookie.json")) {
            JsonNode cases = new ObjectMapper().readTree(in);
            List<Arguments> arguments = new ArrayList<>();
            for (JsonNode c : cases) {
                arguments.add(Arguments.of(c.get(0).asText(), c.get(1).asText(),
                        c.get(2).isNull() ? null : c.get(2).asText()));
            }
            return arguments.stream();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("djangoParseCookie")
    void readsTheCookieAsDjangoDoes(String header, String name, String expected) {
        assertThat(CookieHeader.value(header, name)).isEqualTo(expected);
    }

    @Test
    void noHeaderMeansNoCookie() {
        assertThat(CookieHeader.value((String) null, "sessionid")).isNull();
        assertThat(CookieHeader.value(List.of(), "sessionid")).isNull();
    }

    @Test
    void aLaterHeaderWinsOverAnEarlierOne() {
        assertThat(CookieHeader.value(List.of("sessionid=first", "other=1", "sessionid=second; x=y"),
                "sessionid")).isEqualTo("second");
        assertThat(CookieHeader.value(List.of("sessionid=only", "other=1"), "sessionid")).isEqualTo("only");
    }

    /** Found by CookieHeaderFuzzTest: Python strips U+2007 and U+202F, which Java's isWhitespace keeps. */
    @Test
    void stripsTheNoBreakSpacesPythonStrips() {
        assertThat(CookieHeader.value("sessionid=\u202fabc\u2007; x=1", "sessionid")).isEqualTo("abc");
        assertThat(CookieHeader.value("\u2007sessionid\u202f=abc", "sessionid")).isEqualTo("abc");
        assertThat(CookieHeader.value("\u2028\u202f", "")).isNull();
    }
}
