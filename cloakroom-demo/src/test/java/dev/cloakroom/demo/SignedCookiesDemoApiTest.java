package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedCookiesDemoApiTest extends DemoApiContract {
    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "signed_cookies");
    }

    @Override
    boolean serverSideStorage() {
        return false;
    }

    @Test
    void theCookieCarriesTheSessionSignedWithDjangosSalt() {
        client.postJson("/api/session", Map.of("count", 1));
        String cookie = client.cookie("sessionid");
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0,
                cookie.indexOf(':'))), StandardCharsets.UTF_8);
        assertThat(payload).as("readable: only signed").startsWith("{\"count\":1,\"_cloakroom_created\":");
        assertThat(getWithCookie("/api/session", cookie).get("data").get("count").asInt()).isEqualTo(1);
        assertThat(getWithCookie("/api/session", cookie.substring(0, cookie.length() - 1) + "x").get("data")
                .size())
                .isZero();
    }

    @Test
    void aSessionTooLargeForACookieIs413AndKeepsTheOldCookie() {
        client.postJson("/api/session", Map.of("small", 1));
        String before = client.cookie("sessionid");
        StringBuilder random = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 6000; i++) {
            random.append((char) ('a' + r.nextInt(26)));
        }
        TestClient.Response response = client.postJson("/api/session", Map.of("blob", random.toString()));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").asText()).contains("4096");
        assertThat(response.setCookies()).isEmpty();
        assertThat(client.cookie("sessionid")).isEqualTo(before);
    }
}
