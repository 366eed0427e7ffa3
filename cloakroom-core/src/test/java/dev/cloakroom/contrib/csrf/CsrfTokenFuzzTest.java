package dev.cloakroom.contrib.csrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.internal.CsrfMasking;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fuzzes the CSRF token decoder: {@link CsrfMasking#unmask}, {@link CsrfMasking#matches}, the secret
 * {@link CsrfTokens} reads from a session, and {@link CsrfCheck#check} on a request carrying the token,
 * {@code Origin} and {@code Referer}.
 *
 * <p>Documented behaviour: {@code unmask} returns the 32-character secret a well-formed 64-character token
 * stands for, or throws {@link IllegalArgumentException} with its one message; {@code matches},
 * {@code isValid} and {@code check} never throw; {@code token} always gives a 64-character token that
 * {@code isValid} accepts, keeping a well-formed stored secret and replacing anything else.
 *
 * <p>The input is UTF-8 text, split on line feeds into the stored {@code _csrftoken}, the submitted token,
 * the {@code Referer} and the {@code Origin} (a missing part is no header).
 */
class CsrfTokenFuzzTest {

    private static final SessionSettings SETTINGS = SessionSettings.builder().secretKey("fuzz").build();
    private static final MemoryEngine ENGINE = MemoryEngine.create();
    private static final CsrfCheck CHECK = CsrfCheck.trusting(List.of("https://*.example.com"));

    @FuzzTest
    void decodesTokensOrRejectsThem(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 4);
        String stored = parts[0];
        String submitted = parts.length > 1 ? parts[1] : "";

        boolean wellFormed = submitted.length() == 64
                && submitted.chars().allMatch(CsrfTokenFuzzTest::isTokenChar);
        if (wellFormed) {
            String secret = CsrfMasking.unmask(submitted);
            assertThat(secret).hasSize(32).matches("[a-zA-Z0-9]*");
            assertThat(CsrfMasking.matches(submitted, secret)).isTrue();
        } else {
            assertThatThrownBy(() -> CsrfMasking.unmask(submitted))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A masked CSRF token must be 64 characters from [a-zA-Z0-9]");
        }
        boolean storedIsSecret = CsrfMasking.matches(stored, stored);

        Session session = Session.open(ENGINE, SETTINGS, null);
        session.put(CsrfTokens.SESSION_KEY, stored);
        CsrfRequest request = new Request(submitted, part(parts, 2), part(parts, 3));
        Optional<String> reason = CHECK.check(session, request);
        boolean valid = CsrfTokens.isValid(session, submitted);
        if (reason.isEmpty()) {
            assertThat(valid).as("check passed a token isValid rejects").isTrue();
        }

        String token = CsrfTokens.token(session);
        assertThat(token).hasSize(64);
        assertThat(CsrfTokens.isValid(session, token)).isTrue();
        String secretNow = (String) session.get(CsrfTokens.SESSION_KEY);
        assertThat(CsrfMasking.matches(secretNow, secretNow)).isTrue();
        if (storedIsSecret) {
            assertThat(secretNow).isEqualTo(stored);
        }
    }

    private static @Nullable String part(String[] parts, int i) {
        return parts.length > i ? parts[i] : null;
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** An HTTPS POST to example.com with the token in the header (no form body). */
    private record Request(String token, @Nullable String referer, @Nullable String origin)
            implements CsrfRequest {

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String host() {
            return "example.com";
        }

        @Override
        public int serverPort() {
            return 443;
        }

        @Override
        public @Nullable String header(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "x-csrftoken" -> token;
                case "referer" -> referer;
                case "origin" -> origin;
                default -> null;
            };
        }

        @Override
        public @Nullable String formField(String name) {
            return null;
        }
    }
}
