package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo started as {@code CLOAKROOM_ENGINE=encrypted_cookies ./cloakroom demo} would start it: the API
 * contract, a cookie the browser cannot read, the panel saying so, and the token API carrying the
 * encrypted value.
 */
class EncryptedCookiesDemoApiTest extends DemoApiContract {
    @Override
    Map<String, String> engineEnvironment(Path directory) {
        return Map.of("CLOAKROOM_ENGINE", "encrypted_cookies");
    }

    @Override
    boolean serverSideStorage() {
        return false;
    }

    @Test
    void theCookieHoldsTheSessionEncryptedAndATamperedOneGivesAnEmptySession() {
        client.postJson("/api/session", Map.of("favourite", "plain-text-marker"));
        assertThat(client.post("/api/counter").json().get("count").asLong()).isEqualTo(1);
        assertThat(client.post("/api/counter").json().get("count").asLong()).isEqualTo(2);
        String cookie = client.cookie("sessionid");
        assertThat(cookie).startsWith("1.").doesNotContain("plain-text-marker");
        String sealed = cookie.substring(cookie.lastIndexOf('.') + 1);
        String decoded = new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("plain-text-marker").doesNotContain("count");
        assertThat(getWithCookie("/api/session", cookie).get("data").get("favourite").asText())
                .isEqualTo("plain-text-marker");
        int at = cookie.length() - 10;
        String tampered = cookie.substring(0, at) + (cookie.charAt(at) == 'A' ? 'B' : 'A')
                + cookie.substring(at + 1);
        assertThat(getWithCookie("/api/session", tampered).get("data").size()).isZero();
    }

    @Test
    void thePanelSaysTheBrowserCannotReadTheCookie() {
        String page = client.get("/counter").body();
        assertThat(page).contains("id=\"panel-engine\">encrypted_cookies<")
                .contains("id=\"panel-storage\">" + StorageNote.ENCRYPTED + "<");
    }

    @Test
    void theTokenApiCarriesTheEncryptedSession() {
        TestClient.Response first = client.postJson("/token-api/counter", "{}", Map.of());
        String token = first.header("X-Session-Token").orElseThrow();
        assertThat(first.setCookies()).isEmpty();
        TestClient.Response second = client.postJson("/token-api/counter", "{}", Map.of("X-Session-Token",
                token));
        assertThat(second.json().get("count").asLong()).isEqualTo(2);
        assertThat(second.header("X-Session-Token"))
                .hasValueSatisfying(t -> assertThat(t).isNotEqualTo(token));
        assertThat(client.get("/no-cookies").body()).contains("id=\"token-changes\"");
    }
}
