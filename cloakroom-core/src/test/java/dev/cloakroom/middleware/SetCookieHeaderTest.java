package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SameSite;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Header strings compared with what Python's {@code SimpleCookie} writes for the same cookie. */
class SetCookieHeaderTest {

    @Test
    void attributesComeInPythonsAlphabeticalOrder() {
        String header = SetCookieHeader.builder("sessionid", "abc123")
                .secure(true).sameSite(SameSite.LAX).path("/").maxAge(10).httpOnly(true)
                .expires(Instant.parse("2026-12-06T01:39:53.999Z")).domain(".example.com").build();
        assertThat(header)
                .isEqualTo("sessionid=abc123; Domain=.example.com; expires=Sun, 06 Dec 2026 01:39:53 GMT; "
                + "HttpOnly; Max-Age=10; Path=/; SameSite=Lax; Secure");
    }

    @Test
    void bareCookieHasNoAttributes() {
        assertThat(SetCookieHeader.builder("a", "b").build()).isEqualTo("a=b");
    }

    @Test
    void djangosDeletionHeader() {
        assertThat(SetCookieHeader.deletion("sessionid", "/", null, SameSite.LAX))
                .isEqualTo("sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; "
                        + "SameSite=Lax");
        assertThat(SetCookieHeader.deletion("__Secure-s", "/", null, SameSite.STRICT))
                .endsWith("; SameSite=Strict; Secure");
        assertThat(SetCookieHeader.deletion("s", "/", null, SameSite.NONE_ATTRIBUTE))
                .isEqualTo("s=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
    }

    @Test
    void signedCookieCharactersAreNotQuoted() {
        String value = ".eJyrVkrOzytJzSvRUcpMUbIyMjIwMKoFAGa1B8c:1tSxyz:Ab-_c9";
        assertThat(SetCookieHeader.quote(value)).isEqualTo(value);
    }

    @Test
    void valuesWithIllegalCharactersAreQuotedAsPythonDoes() {
        assertThat(SetCookieHeader.quote("")).isEqualTo("\"\"");
        assertThat(SetCookieHeader.quote("a b")).isEqualTo("\"a b\"");
        assertThat(SetCookieHeader.quote("a=b/c")).isEqualTo("\"a=b/c\"");
        assertThat(SetCookieHeader.quote("x;y,z")).isEqualTo("\"x\\073y\\054z\"");
        assertThat(SetCookieHeader.quote("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
        assertThat(SetCookieHeader.quote("caf\u00e9")).isEqualTo("\"caf\\351\"");
        assertThat(SetCookieHeader.quote("\u20ac")).isEqualTo("\"\u20ac\"");
    }

    @Test
    void httpDateHasATwoDigitDayAndWholeSeconds() {
        assertThat(SetCookieHeader.httpDate(Instant.parse("2024-03-05T07:08:09.750Z")))
                .isEqualTo("Tue, 05 Mar 2024 07:08:09 GMT");
        assertThat(SetCookieHeader.httpDate(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void httpDateIsRightWhenSecondsAlternateAndRepeat() {
        // The last formatted second is remembered: a repeat, a step back and a step forward all format anew.
        Instant a = Instant.parse("2030-12-31T23:59:59.100Z");
        Instant b = Instant.parse("2031-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(SetCookieHeader.httpDate(a)).isEqualTo("Tue, 31 Dec 2030 23:59:59 GMT");
            assertThat(SetCookieHeader.httpDate(a.plusMillis(800)))
                    .isEqualTo("Tue, 31 Dec 2030 23:59:59 GMT");
            assertThat(SetCookieHeader.httpDate(b)).isEqualTo("Wed, 01 Jan 2031 00:00:00 GMT");
        }
    }

    @Test
    void illegalNameIsRejected() {
        assertThatThrownBy(() -> SetCookieHeader.builder("bad name", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad name");
    }
}
