package dev.cloakroom.springsecurity;

import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * Spring Security's protection against session fixation as Django's login does it: the session key is
 * cycled ({@link dev.cloakroom.Session#cycleKeyAtSave()}): the old record is deleted at once, so the old key
 * names nothing any more, and the data (a cart) is saved under a fresh key at the end of the request, in one
 * write. A session that had no key gets one now, so Spring's
 * {@code RegisterSessionAuthenticationStrategy} does not save it early.
 *
 * <p>Declare it with {@code http.sessionManagement(s -> s.sessionAuthenticationStrategy(strategy))}; it takes
 * the place of Spring's default, {@code ChangeSessionIdAuthenticationStrategy}, whose
 * {@code changeSessionId()} the {@code HttpSession} bridge runs as {@code cycleKey()}: a write more, and
 * nothing for a request without a session yet. {@link DjangoSecurityContextRepository} then stores the login
 * in the cycled session. Thread-safe.
 */
public final class CycleKeySessionAuthenticationStrategy implements SessionAuthenticationStrategy {

    /**
     * Cycles the key of the request's session.
     *
     * @throws IllegalStateException if {@code SessionFilter} did not run for this request
     * @throws dev.cloakroom.SessionStorageException if the old record cannot be deleted
     */
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        Sessions.of(request).cycleKeyAtSave();
    }

    @Override
    public String toString() {
        return "CycleKeySessionAuthenticationStrategy";
    }
}
