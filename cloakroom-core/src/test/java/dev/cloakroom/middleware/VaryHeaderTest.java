package dev.cloakroom.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Django's {@code patch_vary_headers} with {@code ("Cookie",)}. */
class VaryHeaderTest {

    @Test
    void addsCookieOnceIgnoringCase() {
        assertThat(VaryHeader.merged(null, "Cookie")).isEqualTo("Cookie");
        assertThat(VaryHeader.merged("Accept-Encoding", "Cookie")).isEqualTo("Accept-Encoding, Cookie");
        assertThat(VaryHeader.merged("accept-encoding ,  cookie", "Cookie"))
                .isEqualTo("accept-encoding, cookie");
        assertThat(VaryHeader.merged("Cookie", "Cookie")).isEqualTo("Cookie");
    }

    @Test
    void starStaysStar() {
        assertThat(VaryHeader.merged("Accept, *", "Cookie")).isEqualTo("*");
    }

    @Test
    void blankEntriesAreDropped() {
        assertThat(VaryHeader.merged("", "Cookie")).isEqualTo("Cookie");
        assertThat(VaryHeader.merged(" , Accept", "Cookie")).isEqualTo("Accept, Cookie");
    }
}
