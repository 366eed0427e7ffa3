package dev.cloakroom.servlet.contrib;

import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.contrib.auth.UserLookup;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * {@link Auth} on the session of a servlet request, with Django's {@code request.user} caching: the
 * current user is looked up and verified once per request. Needs {@link SessionFilter}. Not thread-safe, like
 * the session.
 */
public final class ServletAuth {

    /** The request attribute caching the verified current user ({@code Optional}). */
    public static final String ATTRIBUTE = "dev.cloakroom.contrib.auth.currentUser";

    private ServletAuth() {
    }

    /**
     * Returns the verified user of this request's session, or empty for an anonymous one; see
     * {@link Auth#currentUser}. The result is cached on the request until {@link #login} or {@link #logout}.
     *
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request
     */
    @SuppressWarnings("unchecked")
    public static <U extends AuthUser> Optional<U> currentUser(ServletRequest request, UserLookup<U> lookup) {
        if (request.getAttribute(ATTRIBUTE) instanceof Optional<?> cached) {
            return (Optional<U>) cached;
        }
        Optional<U> user = Auth.currentUser(Sessions.of(request), lookup);
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }

    /**
     * Logs {@code user} in on this request's session ({@link Auth#login}: fixation protection, CSRF secret
     * rotated); the next {@link #currentUser} looks the user up again.
     *
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request
     */
    public static void login(ServletRequest request, AuthUser user) {
        Auth.login(Sessions.of(request), user);
        request.removeAttribute(ATTRIBUTE);
    }

    /**
     * Logs out ({@link Auth#logout}: the session is flushed) and makes the request anonymous.
     *
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request
     */
    public static void logout(ServletRequest request) {
        Auth.logout(Sessions.of(request));
        request.setAttribute(ATTRIBUTE, Optional.empty());
    }
}
