package dev.cloakroom.springsecurity;

import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Django's logout for Spring Security's {@code LogoutFilter}: the session is flushed ({@link Auth#logout}):
 * its record deleted, its data (CSRF secret and messages included) dropped, and the cookie deleted at the
 * end of the request. Declare it with {@code http.logout(l -> l.addLogoutHandler(handler))}. Thread-safe.
 */
public final class DjangoLogoutHandler implements LogoutHandler {

    /**
     * Flushes the request's session.
     *
     * @throws IllegalStateException if {@code SessionFilter} did not run for this request
     * @throws dev.cloakroom.SessionStorageException if the stored session cannot be deleted
     */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response,
            @Nullable Authentication authentication) {
        Auth.logout(Sessions.of(request));
        DjangoSecurityContextRepository.invalidateView(request);
        request.setAttribute(DjangoSecurityContextRepository.ATTRIBUTE, Optional.empty());
    }

    @Override
    public String toString() {
        return "DjangoLogoutHandler";
    }
}
