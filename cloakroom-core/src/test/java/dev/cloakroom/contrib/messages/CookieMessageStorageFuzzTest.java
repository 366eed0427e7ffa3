package dev.cloakroom.contrib.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import dev.cloakroom.signing.TimestampSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Fuzzes the {@code messages} cookie decoder ({@link CookieMessageStorage}, Django's {@code CookieStorage}).
 *
 * <p>Documented behaviour: reading a storage never throws, whatever the cookie holds. A cookie that is
 * tampered with or unreadable (bad signature, not base64, not JSON, not an array, a malformed message)
 * reads as no messages, logs one WARN on {@code cloakroom.security}, and is deleted by {@code update()}.
 *
 * <p>The first input byte picks what the rest is: a cookie value as a client could send it (0), or JSON
 * text signed here with the messages key and salt, so that the fuzzer reaches the message decoder (1).
 */
class CookieMessageStorageFuzzTest {

    // The key and time of the Django-made vectors, so that the seed cookies taken from them verify.
    private static final String SECRET = "cloakroom-interop-secret-key-0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_763_769_600L), ZoneOffset.UTC);
    private static final SessionSettings SETTINGS =
            SessionSettings.builder().secretKey(SECRET).clock(CLOCK).build();
    private static final TimestampSigner SIGNER = new TimestampSigner(
            SecretKey.of(SECRET).withPrefix(Salts.COOKIE_SIGNER_KEY_PREFIX), Salts.MESSAGES, CLOCK);

    @FuzzTest
    void readsMessagesOrIgnoresTheCookie(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        String cookie = (input[0] & 1) == 0
                ? new String(rest, StandardCharsets.UTF_8)
                : SIGNER.sign(Base64.getUrlEncoder().withoutPadding().encodeToString(rest));
        long warningsBefore = QuietSecurityLog.warnings();

        CookieMessageStorage storage = CookieMessageStorage.of(cookie, SETTINGS);
        List<Message> read = new ArrayList<>();
        storage.forEach(read::add);
        List<Message> unstored = storage.update();

        long warned = QuietSecurityLog.warnings() - warningsBefore;
        assertThat(warned).isBetween(0L, 1L);
        assertThat(unstored).isEmpty();
        if (warned == 1) {
            assertThat(read).isEmpty();
            assertThat(storage.cookieUpdate()).hasValueSatisfying(u -> assertThat(u.isDeletion()).isTrue());
        } else if (!cookie.isEmpty()) {
            // A cookie that was read: its messages came out whole, and reading them all deletes it.
            assertThat(read).allSatisfy(m -> assertThat(m.text()).isNotNull());
            assertThat(storage.cookieUpdate()).hasValueSatisfying(u -> assertThat(u.isDeletion()).isTrue());
        }
    }
}
