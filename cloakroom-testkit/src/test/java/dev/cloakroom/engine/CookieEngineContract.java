package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.testkit.ClientSideEngineContract;
import dev.cloakroom.testkit.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What both cookie engines, signed and encrypted, promise about a cookie's lifetime, beyond the contract. */
abstract class CookieEngineContract extends ClientSideEngineContract {

    /** The limit of these engines, pinned down: an old cookie still loads after cycleKey until it expires. */
    @Test
    void oldCookieStillLoadsAfterCycleKeyUntilExpiry() {
        Session session = withValue("user", "alice");
        session.save();
        String oldCookie = session.key();
        clock.advance(Duration.ofSeconds(5));
        session.cycleKey();
        assertThat(session.key()).isNotEqualTo(oldCookie);
        assertThat(open(oldCookie).get("user")).isEqualTo("alice");
        clock.advance(settings.cookieAge());
        assertThat(open(oldCookie).get("user")).isNull();
    }

    /**
     * Better than Django (ticket #19201): a short per-session expiry is enforced when the cookie comes back,
     * counted from its writing.
     */
    @Test
    void customExpiryIsEnforcedOnRead() {
        Session session = withValue("user", "alice");
        session.setExpiry(60);
        session.save();
        String cookie = session.key();
        clock.advance(Duration.ofSeconds(59));
        assertThat(open(cookie).get("user")).isEqualTo("alice");
        clock.advance(Duration.ofSeconds(2));
        try (LogCapture log = LogCapture.of(SecurityLog.NAME)) {
            assertThat(open(cookie).get("user")).isNull();
            assertThat(log.lines()).singleElement().asString().contains("expired");
        }
    }
}
