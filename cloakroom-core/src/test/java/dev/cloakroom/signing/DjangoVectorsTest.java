package dev.cloakroom.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloakroom.internal.CsrfMasking;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-for-byte agreement with what Django 3.2.25 wrote (the vectors in src/test/resources/vectors). */
class DjangoVectorsTest {

    private static final SecretKey KEY = DjangoVectors.secretKey();
    private static final Clock CLOCK = DjangoVectors.fixedClock();

    static Stream<Arguments> sessionData() {
        return DjangoVectors.list("session_data").stream().map(entry -> Arguments.of(
                entry.get("backend").asText(), entry.get("key_salt").asText(), entry.get("session"),
                entry.get("encoded").asText()));
    }

    static Stream<Arguments> signedCookies() {
        return DjangoVectors.list("signed_cookies").stream()
                .map(entry -> Arguments.of(entry.get("session"), entry.get("cookie_value").asText()));
    }

    static Stream<Arguments> signing() {
        return DjangoVectors.list("signing").stream().map(entry -> Arguments.of(entry.get("object"),
                entry.get("salt").asText(), entry.get("compress").asBoolean(), entry.get("signed").asText()));
    }

    static Stream<Arguments> mustReject() {
        return DjangoVectors.list("must_reject").stream()
                .map(entry -> Arguments.of(entry.get("why").asText(), entry.get("cookie_value").asText()));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("sessionData")
    void encodeSessionGivesDjangosSessionData(String backend, String keySalt, JsonNode session,
            String encoded) throws Exception {
        ObjectSigner signer = new ObjectSigner(KEY, keySalt, CLOCK);

        assertThat(signer.dumps(DjangoVectors.plain(session), true)).isEqualTo(encoded);
        assertThat(signer.dumps(session, true)).isEqualTo(encoded);
        assertThat(signer.loads(encoded, null).value()).isEqualTo(DjangoVectors.plain(session));
        assertThat(signer.loads(encoded, null).timestamp()).isEqualTo(CLOCK.instant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCookies")
    void encodeSignedCookieGivesDjangosCookieValue(JsonNode session, String cookieValue) throws Exception {
        ObjectSigner signer = new ObjectSigner(KEY, Salts.SIGNED_COOKIES, CLOCK);

        assertThat(signer.dumps(DjangoVectors.plain(session), true)).isEqualTo(cookieValue);
        assertThat(signer.loads(cookieValue, Duration.ofDays(14)).value())
                .isEqualTo(DjangoVectors.plain(session));
    }

    @ParameterizedTest(name = "{0} salt={1} compress={2}")
    @MethodSource("signing")
    void signingDumpsGivesDjangosSignedValue(JsonNode object, String salt, boolean compress, String signed)
            throws Exception {
        ObjectSigner signer = new ObjectSigner(KEY, salt, CLOCK);

        assertThat(signer.dumps(DjangoVectors.plain(object), compress)).isEqualTo(signed);
        assertThat(signer.loads(signed, null).value()).isEqualTo(DjangoVectors.plain(object));
    }

    @Test
    void loadedSessionKeepsPythonNumberTypes() throws Exception {
        JsonNode vector = DjangoVectors.list("signed_cookies").stream()
                .filter(entry -> entry.get("session").has("big")).findFirst().orElseThrow();
        ObjectSigner signer = new ObjectSigner(KEY, Salts.SIGNED_COOKIES, CLOCK);

        Object loaded = signer.loads(vector.get("cookie_value").asText(), null).value();

        assertThat(loaded).isInstanceOf(Map.class);
        Map<?, ?> session = (Map<?, ?>) loaded;
        assertThat(session.get("big")).isEqualTo(9007199254740993L);
        assertThat(session.get("neg")).isEqualTo(-0.25);
        assertThat(session.get("name")).isEqualTo("Zoë ✓ 日本語 😀");
        assertThat(new ArrayList<Object>(session.keySet())).containsExactly("name", "quote", "big", "neg");
    }

    @Test
    void loadedCartKeepsIntegersAndFloats() throws Exception {
        JsonNode vector = DjangoVectors.list("session_data").stream()
                .filter(entry -> entry.get("session").has("total")).findFirst().orElseThrow();
        ObjectSigner signer = new ObjectSigner(KEY, Salts.SESSION, CLOCK);

        Map<?, ?> session = (Map<?, ?>) signer.loads(vector.get("encoded").asText(), null).value();

        assertThat(session.get("total")).isEqualTo(12.5);
        assertThat(session.get("gift")).isNull();
        assertThat(session.get("cart")).isEqualTo(List.of(
                Map.of("product_id", 123, "quantity", 1), Map.of("product_id", 7, "quantity", 3)));
    }

    @Test
    void saltedHmacGivesDjangosHexdigests() {
        for (JsonNode entry : DjangoVectors.list("salted_hmac")) {
            assertThat(entry.get("algorithm").asText()).isEqualTo("sha256");
            assertThat(SaltedHmac.sha256Hex(entry.get("key_salt").asText(), entry.get("value").asText(),
                    KEY.current())).isEqualTo(entry.get("hexdigest").asText());
        }
    }

    /** The derived keys are cached: interleaving more secrets than the cache holds changes no digest. */
    @Test
    void saltedHmacGivesDjangosHexdigestsAmongManyOtherSecrets() {
        String mine = SaltedHmac.sha256Hex(Salts.AUTH_HASH, "value", KEY.current());
        for (int round = 0; round < 3; round++) {
            for (int other = 0; other < 40; other++) {
                String digest = SaltedHmac.sha256Hex(Salts.AUTH_HASH, "value", "other secret " + other);
                assertThat(digest).isNotEqualTo(mine);
            }
            for (JsonNode entry : DjangoVectors.list("auth_hash")) {
                assertThat(SaltedHmac.sha256Hex(Salts.AUTH_HASH, entry.get("password_hash").asText(),
                        KEY.current())).isEqualTo(entry.get("session_auth_hash").asText());
            }
        }
    }

    @Test
    void sessionAuthHashGivesDjangosHash() {
        for (JsonNode entry : DjangoVectors.list("auth_hash")) {
            String passwordHash = entry.get("password_hash").asText();
            assertThat(SaltedHmac.sha256Hex(Salts.AUTH_HASH, passwordHash, KEY.current()))
                    .isEqualTo(entry.get("session_auth_hash").asText());
        }
    }

    @Test
    void encodeMessagesForSessionGivesDjangosSessionValue() {
        JsonNode messages = DjangoVectors.ROOT.get("messages");

        assertThat(PythonJson.dumps(messageList(messages), false))
                .isEqualTo(messages.get("session_value").asText());
    }

    @Test
    void messagesCookieLoadsAndReencodesIdentically() throws Exception {
        JsonNode messages = DjangoVectors.ROOT.get("messages");
        SecretKey cookieKey = KEY.withPrefix(Salts.COOKIE_SIGNER_KEY_PREFIX);
        ObjectSigner signer = new ObjectSigner(cookieKey, Salts.MESSAGES, CLOCK);
        String cookieValue = messages.get("cookie_value").asText();

        assertThat(signer.loads(cookieValue, null).value()).isEqualTo(messageList(messages));
        assertThat(signer.dumps(messageList(messages), true)).isEqualTo(cookieValue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustReject")
    void tamperedCookieIsRejectedAsBadSignature(String why, String cookieValue) {
        ObjectSigner signer = new ObjectSigner(KEY, Salts.SIGNED_COOKIES, CLOCK);

        assertThatThrownBy(() -> signer.loads(cookieValue, Duration.ofDays(14)))
                .isExactlyInstanceOf(BadSignatureException.class);
    }

    @Test
    void csrfMaskedFormsUnmaskToTheSecret() {
        JsonNode csrf = DjangoVectors.ROOT.get("csrf");
        String secret = csrf.get("secret").asText();

        for (JsonNode masked : csrf.get("masked")) {
            assertThat(CsrfMasking.unmask(masked.asText())).isEqualTo(secret);
            assertThat(CsrfMasking.matches(masked.asText(), secret)).isTrue();
        }
        assertThat(CsrfMasking.unmask(CsrfMasking.mask(secret))).isEqualTo(secret);
        assertThat(csrf.get("session_key_name").asText()).isEqualTo("_csrftoken");
    }

    /** Django 3.2's stored form: {@code ["__json_message", 0, level, message(, extra_tags if truthy)]}. */
    private static List<Object> messageList(JsonNode messages) {
        List<Object> list = new ArrayList<>();
        for (JsonNode message : messages.get("list")) {
            int level = message.get("level").intValue();
            List<Object> encoded = new ArrayList<>(
                    List.of("__json_message", 0, level, message.get("message").asText()));
            JsonNode extraTags = message.get("extra_tags");
            if (!extraTags.isNull() && !extraTags.asText().isEmpty()) {
                encoded.add(extraTags.asText());
            }
            list.add(encoded);
        }
        return list;
    }
}
