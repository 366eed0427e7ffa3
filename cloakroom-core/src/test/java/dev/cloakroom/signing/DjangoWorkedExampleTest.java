package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples computed with Django 3.2 and 5.2 (SECRET_KEY 'test-secret', time 1700000000). */
class DjangoWorkedExampleTest {

    private static final SecretKey KEY = SecretKey.of("test-secret");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @Test
    void encodeCountSessionGivesDjangosString() {
        ObjectSigner signer = new ObjectSigner(KEY, Salts.SESSION, CLOCK);

        assertThat(signer.dumps(Map.of("count", 1), true))
                .isEqualTo("eyJjb3VudCI6MX0:1r31eq:VEaP-ywKdl2ni4qwBQFejbouHa6bCx5P3xG-PmMLx1Y");
    }

    @Test
    void encodeCountSignedCookieGivesDjangosString() {
        ObjectSigner signer = new ObjectSigner(KEY, Salts.SIGNED_COOKIES, CLOCK);

        assertThat(signer.dumps(Map.of("count", 1), true))
                .isEqualTo("eyJjb3VudCI6MX0:1r31eq:ium6r70vzQVV4ED3I--LmomWO_9EVecIYhPJnrGRRy4");
    }

    @Test
    void signingDumpsHelloGivesDjangosString() throws Exception {
        ObjectSigner signer = new ObjectSigner(KEY, Salts.DEFAULT, CLOCK);
        String token = "ImhlbGxvIg:1r31eq:emMrpaYeW2KFX4XY82VM-BrZwAWYzUvpqRvcQ-AnVgA";

        assertThat(signer.dumps("hello", false)).isEqualTo(token);
        assertThat(signer.loads(token, null).value()).isEqualTo("hello");
    }

    @Test
    void base62OfFrozenTimeIsDjangos() {
        assertThat(Base62.encode(1_700_000_000L)).isEqualTo("1r31eq");
        assertThat(Base62.decode("1r31eq")).isEqualTo(1_700_000_000L);
    }

    @Test
    void derivedKeyAndHmacAreDjangos() {
        byte[] derived = SaltedHmac.deriveKey(SaltedHmac.Algorithm.SHA256,
                Salts.SESSION + "signer", "test-secret");
        byte[] mac = SaltedHmac.hmac(SaltedHmac.Algorithm.SHA256, derived, "eyJjb3VudCI6MX0:1r31eq");

        assertThat(HexFormat.of().formatHex(derived))
                .isEqualTo("bdf85387cfb1aebc2fcbf94f17ffb65d3732423192291101ed1d6434a0a17922");
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("54468ffb2c0a765da78b8ab005015e8dba2e1dae9b0b1e4fdf11be3e630bc756");
        assertThat(new Signer(KEY, Salts.SESSION).signature("eyJjb3VudCI6MX0:1r31eq"))
                .isEqualTo("VEaP-ywKdl2ni4qwBQFejbouHa6bCx5P3xG-PmMLx1Y");
    }

    @Test
    void sessionAuthHashIsDjangos() {
        String password = "pbkdf2_sha256$1$salt$hash";

        assertThat(SaltedHmac.sha256Hex(Salts.AUTH_HASH, password, "test-secret"))
                .isEqualTo("592feb37d640bdd28b14a37ef54d1eb03b5a0fc68c511627d926268f157e9250");
        assertThat(SaltedHmac.sha1Hex(Salts.AUTH_HASH, password, "test-secret"))
                .isEqualTo("7b456c8069c76ae57fa838f42630f41beb1c9d4f");
    }

    @Test
    void legacySessionHashesAreDjangos() {
        // Pre-3.1 format: salt "django.contrib.sessions" + class name, no dot, SHA-1 hex.
        assertThat(SaltedHmac.sha1Hex("django.contrib.sessionsSessionStore", "{\"count\":1}", "test-secret"))
                .isEqualTo("e20bae0693a93392b7da0d6206e0fdc898a386cd");
        assertThat(SaltedHmac.sha1Hex("django.contrib.sessionsSessionStore",
                "{\"a test key\":\"a test value\"}", "django_tests_secret_key"))
                .isEqualTo("9e353f5d150c9a1fc82d773a04f2586f04524b64");
    }

    @Test
    void messagesCookieGivesDjangosStrings() {
        ObjectSigner signer = new ObjectSigner(KEY.withPrefix(Salts.COOKIE_SIGNER_KEY_PREFIX), Salts.MESSAGES,
                CLOCK);

        assertThat(signer.dumps(List.of(List.of("__json_message", 0, 20, "Hello")), true))
                .isEqualTo("W1siX19qc29uX21lc3NhZ2UiLDAsMjAsIkhlbGxvIl1d:1r31eq:"
                        + "nXxm8Fo_Xb7Wve5bMOimt0v3rDI_MgQTPXiFAP74RYE");
        assertThat(signer.dumps(List.of(List.of("__json_message", 0, 20, "Hello", "")), true))
                .isEqualTo("W1siX19qc29uX21lc3NhZ2UiLDAsMjAsIkhlbGxvIiwiIl1d:1r31eq:"
                        + "XW52eRdbNYB9z1xi0VNB2NdG1SmofEeH6DBele4H8mU");
    }

    @Test
    void messagesSessionValueUsesPythonDefaultSeparators() {
        List<List<Object>> messages = List.of(List.of("__json_message", 0, 20, "Hello", ""),
                List.of("__json_message", 0, 40, "Bad", "x"));

        assertThat(PythonJson.dumps(messages, false))
                .isEqualTo("[[\"__json_message\", 0, 20, \"Hello\", \"\"], "
                        + "[\"__json_message\", 0, 40, \"Bad\", \"x\"]]");
    }
}
