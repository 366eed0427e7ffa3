package dev.cloakroom.contrib.csrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.CsrfMasking;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Django 4.x's CsrfViewMiddleware decisions (tests/csrf_tests) with the secret in the session. */
class CsrfCheckTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();
    private final CsrfCheck check = CsrfCheck.defaults();
    private Session session;
    private String token;

    @BeforeEach
    void sessionWithASecret() {
        session = Session.open(MemoryEngine.create(clock), settings, null);
        token = CsrfTokens.token(session);
    }

    /** A request to example.com, over HTTP unless {@link #secure} is called. */
    private static final class FakeRequest implements CsrfRequest {
        private final String method;
        private boolean secure;
        private String host = "example.com";
        private int port = 80;
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, String> form = new HashMap<>();
        private boolean formRead;

        FakeRequest(String method) {
            this.method = method;
        }

        FakeRequest secure() {
            secure = true;
            port = 443;
            return this;
        }

        FakeRequest header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        FakeRequest field(String name, String value) {
            form.put(name, value);
            return this;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public int serverPort() {
            return port;
        }

        @Override
        public @Nullable String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public @Nullable String formField(String name) {
            formRead = true;
            return form.get(name);
        }
    }

    private Optional<String> check(FakeRequest request) {
        return check.check(session, request);
    }

    @Test
    void safeMethodsPassWithoutAToken() {
        for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE")) {
            FakeRequest request = new FakeRequest(method).header("Origin", "https://evil.example");
            assertThat(check(request)).as(method).isEmpty();
            assertThat(request.formRead).isFalse();
        }
    }

    @Test
    void unsafeMethodsNeedAToken() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "PROPFIND")) {
            assertThat(check(new FakeRequest(method))).as(method).contains(CsrfCheck.REASON_TOKEN_MISSING);
        }
    }

    @Test
    void aSessionWithoutSecretIsRejectedWithDjangosReason() {
        Session empty = Session.open(MemoryEngine.create(clock), settings, null);

        assertThat(check.check(empty, new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, token)))
                .contains("CSRF cookie not set.");
        assertThat(empty.contains(CsrfTokens.SESSION_KEY)).isFalse();
    }

    @Test
    void maskedAndUnmaskedTokensFromTheFormPass() {
        assertThat(check(new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, token))).isEmpty();
        String secret = CsrfMasking.unmask(token);
        assertThat(check(new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, secret))).isEmpty();
        String another = CsrfTokens.token(session);
        assertThat(check(new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, another))).isEmpty();
    }

    @Test
    void theHeaderIsUsedWhenTheFormHasNoToken() {
        assertThat(check(new FakeRequest("POST").header("X-CSRFToken", token))).isEmpty();
        assertThat(check(new FakeRequest("DELETE").header("x-csrftoken", token))).isEmpty();
        assertThat(check(new FakeRequest("PUT").field(CsrfTokens.FORM_FIELD, token)))
                .as("only POST bodies are read").contains(CsrfCheck.REASON_TOKEN_MISSING);
    }

    @Test
    void wrongTokensAreRejectedNamingWhereTheyCameFrom() {
        String wrong = CsrfMasking.mask(CsrfMasking.newSecret());
        assertThat(check(new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, wrong)))
                .contains("CSRF token from POST incorrect.");
        assertThat(check(new FakeRequest("POST").header("X-CSRFToken", wrong)))
                .contains("CSRF token from the 'X-Csrftoken' HTTP header incorrect.");
        assertThat(check(new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, "abc")))
                .contains("CSRF token from POST has incorrect length.");
        assertThat(check(new FakeRequest("POST").header("X-CSRFToken", "!".repeat(64))))
                .contains("CSRF token from the 'X-Csrftoken' HTTP header has invalid characters.");
    }

    @Test
    void aFormTokenWinsOverTheHeader() {
        String wrong = CsrfMasking.mask(CsrfMasking.newSecret());
        assertThat(check(new FakeRequest("POST").field(CsrfTokens.FORM_FIELD, wrong)
                .header("X-CSRFToken", token))).contains("CSRF token from POST incorrect.");
    }

    @Test
    void anOriginMustBeThisHostOrTrusted() {
        FakeRequest same = new FakeRequest("POST").header("Origin", "http://example.com")
                .header("X-CSRFToken", token);
        assertThat(check(same)).isEmpty();

        FakeRequest other = new FakeRequest("POST").header("Origin", "https://evil.example")
                .header("X-CSRFToken", token);
        assertThat(check(other))
                .contains("Origin checking failed - https://evil.example does not match any trusted "
                        + "origins.");

        FakeRequest wrongScheme = new FakeRequest("POST").header("Origin", "https://example.com")
                .header("X-CSRFToken", token);
        assertThat(check(wrongScheme)).isPresent();

        FakeRequest nullOrigin = new FakeRequest("POST").header("Origin", "null")
                .header("X-CSRFToken", token);
        assertThat(check(nullOrigin)).isPresent();
    }

    @Test
    void trustedOriginsAcceptExactAndSubdomainOrigins() {
        CsrfCheck trusting = CsrfCheck.trusting(List.of("https://app.partner.com", "https://*.example.org"));

        assertThat(trusting.check(session, new FakeRequest("POST").header("Origin", "https://app.partner.com")
                .header("X-CSRFToken", token))).isEmpty();
        assertThat(trusting.check(session, new FakeRequest("POST").header("Origin", "https://a.b.example.org")
                .header("X-CSRFToken", token))).isEmpty();
        assertThat(trusting.check(session, new FakeRequest("POST").header("Origin", "https://example.org")
                .header("X-CSRFToken", token))).isEmpty();
        assertThat(trusting.check(session, new FakeRequest("POST").header("Origin", "http://a.example.org")
                .header("X-CSRFToken", token))).isPresent();
        assertThat(trusting.check(session, new FakeRequest("POST").header("Origin", "https://evilexample.org")
                .header("X-CSRFToken", token))).isPresent();
        assertThatThrownBy(() -> CsrfCheck.trusting(List.of("example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme://host");
    }

    @Test
    void httpsRequestsWithoutOriginNeedASameHostHttpsReferer() {
        assertThat(check(new FakeRequest("POST").secure().header("X-CSRFToken", token)))
                .contains(CsrfCheck.REASON_NO_REFERER);
        assertThat(check(new FakeRequest("POST").secure().header("Referer", "http://example.com/form")
                .header("X-CSRFToken", token))).contains(CsrfCheck.REASON_INSECURE_REFERER);
        assertThat(check(new FakeRequest("POST").secure().header("Referer", "not a url")
                .header("X-CSRFToken", token))).contains(CsrfCheck.REASON_MALFORMED_REFERER);
        assertThat(check(new FakeRequest("POST").secure().header("Referer", "https://evil.example/x")
                .header("X-CSRFToken", token)))
                .contains("Referer checking failed - https://evil.example/x does not match any trusted "
                        + "origins.");
        assertThat(check(new FakeRequest("POST").secure().header("Referer", "https://example.com/form")
                .header("X-CSRFToken", token))).isEmpty();
    }

    @Test
    void theRefererMayMatchTheSessionCookieDomain() {
        SessionSettings shared = settings.toBuilder().cookieDomain(".example.com").build();
        Session onDomain = Session.open(MemoryEngine.create(clock), shared, null);
        String t = CsrfTokens.token(onDomain);

        assertThat(check.check(onDomain, new FakeRequest("POST").secure()
                .header("Referer", "https://www.example.com/").header("X-CSRFToken", t))).isEmpty();
        assertThat(check.check(onDomain, new FakeRequest("POST").secure()
                .header("Referer", "https://example.net/").header("X-CSRFToken", t))).isPresent();
    }
}
