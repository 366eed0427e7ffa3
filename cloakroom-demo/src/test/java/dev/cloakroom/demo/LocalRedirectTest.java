package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code next} after login: a path on this site, as a browser would read the {@code Location}. */
class LocalRedirectTest {

    @Test
    void pathsOnThisSiteAreKeptAsNormalised() {
        assertThat(LocalRedirect.target("/cart")).isEqualTo("/cart");
        assertThat(LocalRedirect.target("  /cart?x=1#top ")).isEqualTo("/cart?x=1#top");
        assertThat(LocalRedirect.target("/ca\trt")).isEqualTo("/cart");
        assertThat(LocalRedirect.target("/a\\b")).isEqualTo("/a/b");
        assertThat(LocalRedirect.target("/a b")).isEqualTo("/a%20b");
        assertThat(LocalRedirect.target("/%2F%2Fevil.example")).isEqualTo("/%2F%2Fevil.example");
    }

    @Test
    void anythingABrowserWouldTakeToAnotherHostGoesHome() {
        for (String next : new String[] {"", "   ", "//evil.example", "/\t/evil.example", "/\r/evil.example",
                "\\\\evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example",
                "HTTP://evil.example", "javascript:alert(1)", "data:text/html,x", "evil.example", "?next=/",
                "/\u0000/x", "/\u001b/x", "/\u007f/x", "/caf\u00e9", "/\u2215\u2215evil.example"}) {
            assertThat(LocalRedirect.target(next)).as("%s", next).isEqualTo("/");
        }
    }
}
