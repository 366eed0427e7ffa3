package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionTooLargeException;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.signing.ObjectSigner;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedCookieEngineTest extends CookieEngineContract {

    @Override
    protected ClientSideEngine newEngine(SessionSettings settings) {
        return SignedCookieEngine.create(settings);
    }

    /** The cookie is Django's signed_cookies value: same salt, same format. */
    @Test
    void cookieIsDjangosSignedCookieValue() {
        Session session = withValue("count", 1);
        session.save();
        String expected = new ObjectSigner(SecretKey.of(SECRET), Salts.SIGNED_COOKIES, clock)
                .dumps(Map.of("count", 1), true);
        assertThat(session.key()).isEqualTo(expected);
    }

    /** A tampered cookie gives an empty session, marked modified so a fresh cookie is issued, and a WARN. */
    @Test
    void tamperedCookieGivesEmptySessionAndFreshCookie() {
        Session session = withValue("admin", false);
        session.save();
        String cookie = session.key();
        String tampered = (cookie.startsWith("e") ? "f" : "e") + cookie.substring(1);
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            Session bad = open(tampered);
            assertThat(bad.get("admin")).isNull();
            assertThat(bad.isModified()).isTrue();
            bad.save();
            assertThat(bad.key()).startsWith("e30:");
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ");
        }
    }

    /** A cookie signed with another secret is rejected; with that secret among the fallbacks it is read. */
    @Test
    void cookieSignedWithRotatedSecretIsReadOnlyThroughFallbacks() {
        SessionSettings old = settings.toBuilder().secretKey("the-old-secret").build();
        Session session = Session.open(SignedCookieEngine.create(old), old, null);
        session.put("user", "alice");
        session.save();
        assertThat(open(session.key()).get("user")).isNull();
        SessionSettings rotated = settings.toBuilder().secretKey(SECRET, "the-old-secret").build();
        Session read = Session.open(SignedCookieEngine.create(rotated), rotated, session.key());
        assertThat(read.get("user")).isEqualTo("alice");
    }

    /**
     * A session too big for a cookie fails at save, naming the size, instead of being dropped by the browser.
     */
    @Test
    void sessionTooLargeForACookieFailsAtSave() {
        byte[] noise = new byte[4000];
        new SecureRandom().nextBytes(noise);
        Session session = withValue("noise", java.util.Base64.getEncoder().encodeToString(noise));
        assertThatThrownBy(session::save).isInstanceOf(SessionTooLargeException.class)
                .hasMessageContaining("bytes").hasMessageContaining("4096");
    }

    /** A small cookie that inflates past the limit is rejected, not inflated. */
    @Test
    void compressionBombIsRejected() {
        SessionSettings small = settings.toBuilder().maxDecompressedBytes(64 * 1024).build();
        Session bomb = Session.open(SignedCookieEngine.create(small), small, null);
        bomb.put("zeros", "0".repeat(60 * 1024));
        bomb.save();
        assertThat(bomb.key().length()).isLessThan(4096);
        SessionSettings tiny = settings.toBuilder().maxDecompressedBytes(16 * 1024).build();
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            Session read = Session.open(SignedCookieEngine.create(tiny), tiny, bomb.key());
            assertThat(read.get("zeros")).isNull();
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ");
        }
    }

    /**
     * A cookie longer than any browser keeps is dropped unread, with a WARN; a short one silently, as Django.
     */
    @Test
    void oversizedCookieIsDroppedUnreadWithAWarning() {
        String huge = "e".repeat(9000) + ":1abc:signature";
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            Session session = open(huge);
            assertThat(session.key()).isNull();
            assertThat(session.isEmpty()).isTrue();
            assertThat(log.lines()).singleElement().asString().startsWith("WARN ")
                    .contains("9015 characters");
        }
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            assertThat(open("e30:1a").key()).isNull();
            assertThat(log.lines()).isEmpty();
        }
    }

    /**
     * A per-session expiry beyond the range of time, in a valid cookie, reads as the default expiry (one
     * WARN), the same rule as on every other engine: the cookie's signature age still bounds it.
     */
    @Test
    void expiryBeyondTheRangeOfTimeReadsAsTheDefault() {
        ObjectSigner signer = new ObjectSigner(SecretKey.of(SECRET), Salts.SIGNED_COOKIES, clock);
        for (Object far : new Object[] {Long.MAX_VALUE, Long.MIN_VALUE, "+999999999-12-31T23:59:59+00:00"}) {
            String cookie = signer.dumps(Map.of("user", "alice", Session.EXPIRY_KEY, far), true);
            try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
                Session session = open(cookie);
                assertThat(session.get("user")).as("%s", far).isEqualTo("alice");
                assertThat(session.getExpiryAge()).as("%s", far).isEqualTo(settings.cookieAge().toSeconds());
                assertThat(log.lines()).as("%s", far).singleElement().asString().contains("unusable");
            }
            clock.advance(settings.cookieAge().plusSeconds(1));
            assertThat(open(cookie).get("user")).as("%s", far).isNull();
        }
    }
}
