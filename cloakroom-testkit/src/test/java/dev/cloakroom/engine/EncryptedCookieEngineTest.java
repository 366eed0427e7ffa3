package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.SecretKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The shared behaviour suite on {@code encrypted_cookies}, and what sessions see of its cookie. */
class EncryptedCookieEngineTest extends CookieEngineContract {

    @Override
    protected ClientSideEngine newEngine(SessionSettings settings) {
        return EncryptedCookieEngine.create(settings);
    }

    private String currentId() {
        return EncryptionKeyRing.fromSecretKey(SecretKey.of(SECRET)).currentId();
    }

    /** The session key is the encrypted cookie: version 1, the current key's id, then the sealed data. */
    @Test
    void sessionKeyIsAnEncryptedTokenUnderTheCurrentKey() {
        Session session = withValue("user", "alice");
        session.save();
        assertThat(session.key()).startsWith("1." + currentId() + ".").doesNotContain("alice");
        assertThat(open(session.key()).get("user")).isEqualTo("alice");
    }

    /** A tampered cookie gives an empty session, marked modified so a fresh cookie is issued, and a WARN. */
    @Test
    void tamperedCookieGivesEmptySessionAndFreshCookie() {
        Session session = withValue("admin", false);
        session.save();
        String cookie = session.key();
        int last = cookie.length() - 1;
        String tampered = cookie.substring(0, last) + (cookie.charAt(last) == 'A' ? 'Q' : 'A');
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            Session bad = open(tampered);
            assertThat(bad.get("admin")).isNull();
            assertThat(bad.isModified()).isTrue();
            bad.save();
            assertThat(bad.key()).startsWith("1." + currentId() + ".").isNotEqualTo(cookie);
            assertThat(open(bad.key()).entries()).isEmpty();
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ")
                    .contains("encrypted session cookie").doesNotContain(tampered);
        }
    }

    /**
     * Rotating the secret key rotates the encryption key: a cookie under the old secret is read while that
     * secret is a fallback, and the next save writes it under the new one.
     */
    @Test
    void cookieUnderARotatedSecretIsReadThroughFallbacksAndReEncryptedAtSave() {
        SessionSettings old = settings.toBuilder().secretKey("the-old-secret").build();
        Session session = Session.open(EncryptedCookieEngine.create(old), old, null);
        session.put("user", "alice");
        session.save();
        String oldCookie = session.key();
        assertThat(open(oldCookie).get("user")).isNull();

        SessionSettings rotated = settings.toBuilder().secretKey(SECRET, "the-old-secret").build();
        EncryptedCookieEngine rotatedEngine = EncryptedCookieEngine.create(rotated);
        Session read = Session.open(rotatedEngine, rotated, oldCookie);
        assertThat(read.get("user")).isEqualTo("alice");
        read.put("visits", 1);
        read.save();
        assertThat(read.key()).startsWith("1." + currentId() + ".");
        assertThat(open(read.key()).get("user")).isEqualTo("alice");
    }

    /**
     * A session too big for a cookie fails at save, naming the size, instead of being dropped by the browser.
     */
    @Test
    void sessionTooLargeForACookieFailsAtSave() {
        byte[] noise = new byte[3000];
        new SecureRandom().nextBytes(noise);
        Session session = withValue("noise", Base64.getEncoder().encodeToString(noise));
        assertThatThrownBy(session::save).isInstanceOf(SessionTooLargeException.class)
                .hasMessageContaining("bytes").hasMessageContaining("4096")
                .hasMessageContaining("server-side engine");
    }
}
