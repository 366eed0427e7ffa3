package dev.cloakroom.servlet.contrib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.contrib.csrf.CsrfCheck;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.internal.CsrfMasking;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CsrfFilter behind SessionFilter on a real Jetty 12, driven over HTTP. */
class CsrfFilterIT {

    private static JettyApp app;

    @BeforeAll
    static void startJetty() throws Exception {
        SessionSettings settings = SessionSettings.builder().secretKey("csrf-it-secret").build();
        app = JettyApp.start((request, response) -> {
            response.setContentType("text/plain;charset=UTF-8");
            switch (request.getRequestURI()) {
                case "/form" -> response.getWriter().write(CsrfFilter.token(request));
                case "/login" -> {
                    ServletAuth.login(request, AuthUser.of("1", "pbkdf2_sha256$1$salt$hash"));
                    response.getWriter().write("logged in");
                }
                default -> response.getWriter().write("ok " + request.getMethod());
            }
        }, new SessionFilter(MemoryEngine.create(), settings),
                new CsrfFilter(CsrfCheck.trusting(List.of("https://*.trusted.example"))));
    }

    @AfterAll
    static void stopJetty() throws Exception {
        app.close();
    }

    private static String field(String token) {
        return "name=x&csrfmiddlewaretoken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void getPassesWithoutAToken() throws Exception {
        HttpResponse<String> response = app.browser().get("/submit");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok GET");
    }

    @Test
    void postWithoutATokenIsForbidden() throws Exception {
        JettyApp.Browser browser = app.browser();
        browser.get("/form");

        HttpResponse<String> response = browser.postForm("/submit", "name=x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).startsWith("Forbidden (CSRF token missing.)")
                .contains("csrfmiddlewaretoken").contains("X-CSRFToken");
    }

    @Test
    void postWithAWrongTokenIsForbidden() throws Exception {
        JettyApp.Browser browser = app.browser();
        browser.get("/form");

        HttpResponse<String> response = browser.postForm("/submit",
                field(CsrfMasking.mask(CsrfMasking.newSecret())));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("Forbidden (CSRF token from POST incorrect.)");
    }

    @Test
    void postWithTheUnmaskedSecretPasses() throws Exception {
        JettyApp.Browser browser = app.browser();
        String token = browser.get("/form").body();

        HttpResponse<String> response = browser.postForm("/submit", field(CsrfMasking.unmask(token)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok POST");
    }

    @Test
    void postWithAMaskedTokenPassesAndEveryIssuedTokenStaysValid() throws Exception {
        JettyApp.Browser browser = app.browser();
        String first = browser.get("/form").body();
        String second = browser.get("/form").body();
        assertThat(first).hasSize(64).isNotEqualTo(second);

        assertThat(browser.postForm("/submit", field(first)).statusCode()).isEqualTo(200);
        assertThat(browser.postForm("/submit", field(second)).statusCode()).isEqualTo(200);
    }

    @Test
    void theHeaderCarriesTheTokenForAjaxPutAndDelete() throws Exception {
        JettyApp.Browser browser = app.browser();
        String token = browser.get("/form").body();

        assertThat(browser.send("PUT", "/submit", "X-CSRFToken", token).statusCode()).isEqualTo(200);
        assertThat(browser.send("DELETE", "/submit", "X-CSRFToken", token).body()).isEqualTo("ok DELETE");
        HttpResponse<String> without = browser.send("DELETE", "/submit");
        assertThat(without.statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenOfAnotherSessionIsRefused() throws Exception {
        String someoneElses = app.browser().get("/form").body();
        JettyApp.Browser browser = app.browser();
        browser.get("/form");

        assertThat(browser.postForm("/submit", field(someoneElses)).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutASessionThePostIsRefusedWithDjangosReason() throws Exception {
        String token = app.browser().get("/form").body();

        HttpResponse<String> response = app.browser().postForm("/submit", field(token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("Forbidden (CSRF cookie not set.)");
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() throws Exception {
        JettyApp.Browser browser = app.browser();
        String token = browser.get("/form").body();

        HttpResponse<String> response = browser.postForm("/submit?csrfmiddlewaretoken=" + token, "name=x");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("Forbidden (CSRF token missing.)");
    }

    @Test
    void aForeignOriginIsRefusedAndATrustedOneAccepted() throws Exception {
        JettyApp.Browser browser = app.browser();
        String token = browser.get("/form").body();

        HttpResponse<String> foreign =
                browser.postForm("/submit", field(token), "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).startsWith("Forbidden (Origin checking failed - https://evil.example "
                + "does not match any trusted origins.)");

        assertThat(browser.postForm("/submit", field(token), "Origin", app.origin()).statusCode())
                .isEqualTo(200);
        assertThat(browser.postForm("/submit", field(token), "Origin", "https://app.trusted.example")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void loginRotatesTheSecretSoEarlierTokensStopWorking() throws Exception {
        JettyApp.Browser browser = app.browser();
        String before = browser.get("/form").body();
        String sessionBefore = browser.cookie("sessionid");

        assertThat(browser.postForm("/login", field(before)).statusCode()).isEqualTo(200);

        assertThat(browser.cookie("sessionid")).isNotEqualTo(sessionBefore);
        assertThat(browser.postForm("/submit", field(before)).statusCode()).isEqualTo(403);
        String after = browser.get("/form").body();
        assertThat(browser.postForm("/submit", field(after)).statusCode()).isEqualTo(200);
    }
}
