package dev.cloakroom.springsecurity;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.UserLookup;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps Spring Security's login in the Cloakroom session exactly as Django keeps its own, so a user logged in
 * by Django is logged in for Spring Security and the other way round. Needs {@code SessionFilter} in front of
 * Spring Security's filter chain.
 *
 * <ul>
 *   <li><b>Saving</b> an authenticated context is Django's {@code login} ({@link Auth#login}): the session
 *       holds {@code _auth_user_id} (the user's primary key, from {@link DjangoUserResolver#idOf}),
 *       {@code _auth_user_backend} (by default Django's {@code ModelBackend}) and {@code _auth_user_hash},
 *       the session auth hash of the user's password hash, and nothing of Spring's. An anonymous session's
 *       key is cycled (its data kept), another user's session is flushed, and the CSRF secret is rotated.
 *       Saving an anonymous or empty context stores nothing; if the session held a login, it is flushed
 *       (Django's {@code logout}).</li>
 *   <li><b>Loading</b> is Django's {@code get_user} ({@link Auth#currentUser}): the user comes from
 *       {@link DjangoUserResolver#findById} and the stored hash is checked against the hash of its current
 *       password hash. A mismatch (the password was changed, by Django or by Spring) flushes the session, so
 *       a password change logs out every other session. A verified login becomes a
 *       {@link UsernamePasswordAuthenticationToken} of the {@link UserDetails} and their authorities,
 *       without credentials. The session is read only when something asks for the context, once per
 *       request.</li>
 *   <li>A user that is disabled, locked or expired, a session logged in through another backend, or an
 *       id the resolver does not know: anonymous, the session kept.</li>
 * </ul>
 *
 * <p>Declare it with {@code http.securityContext(c -> c.securityContextRepository(repository))}, beside
 * {@link CycleKeySessionAuthenticationStrategy} and {@link DjangoLogoutHandler}. After changing the current
 * user's password, call {@link #updateSessionAuthHash} to keep the current session logged in. Thread-safe.
 */
public final class DjangoSecurityContextRepository implements SecurityContextRepository {

    /** The request attribute caching the verified user of the request ({@code Optional}). */
    static final String ATTRIBUTE = DjangoSecurityContextRepository.class.getName() + ".user";

    private final DjangoUserResolver users;
    private final String backend;
    private final UserLookup<ResolvedUser> lookup;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    /** A repository storing logins under Django's default backend, {@link Auth#DEFAULT_BACKEND}. */
    public DjangoSecurityContextRepository(DjangoUserResolver users) {
        this(users, Auth.DEFAULT_BACKEND);
    }

    /**
     * A repository storing logins under {@code backend} (the dotted path of a Django authentication backend
     * that can find the users by id) and trusting only sessions logged in through it.
     */
    public DjangoSecurityContextRepository(DjangoUserResolver users, String backend) {
        this.users = Objects.requireNonNull(users, "users");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.lookup = new UserLookup<>() {
            @Override
            public Optional<ResolvedUser> findById(String id) {
                return users.findById(id).filter(DjangoSecurityContextRepository::usable)
                        .map(user -> new ResolvedUser(id, user, backend));
            }

            @Override
            public boolean trustsBackend(String stored) {
                return backend.equals(stored);
            }
        };
    }

    /**
     * Returns the context of the session's verified login, or an empty one.
     *
     * @deprecated Spring Security calls {@link #loadDeferredContext}; this is its eager form
     */
    @Deprecated
    @Override
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    /**
     * Returns the context of the session's verified login, or an empty one, read when first asked for.
     *
     * @throws IllegalStateException (when read) if {@code SessionFilter} did not run for this request
     */
    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new LazySecurityContext(() -> contextOf(request),
                () -> SecurityContextHolder.getContextHolderStrategy().createEmptyContext());
    }

    private @Nullable SecurityContext contextOf(HttpServletRequest request) {
        Optional<ResolvedUser> user = verifiedUser(request);
        if (user.isEmpty()) {
            return null;
        }
        UserDetails details = user.get().details();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return context;
    }

    /**
     * Logs the context's user in on the request's session, as Django's {@code login} (see the class
     * comment); an anonymous or empty context logs the session out if it was logged in.
     *
     * @throws IllegalStateException if {@code SessionFilter} did not run for this request, or the
     *     authenticated user is unknown to the {@link DjangoUserResolver}
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded or cycled
     */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request,
            HttpServletResponse response) {
        Session session = Sessions.of(request);
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || trust.isAnonymous(authentication)) {
            if (session.contains(Auth.USER_ID_KEY)) {
                Auth.logout(session);
                invalidateView(request);
            }
            request.setAttribute(ATTRIBUTE, Optional.empty());
            return;
        }
        String username = authentication.getName();
        String id = users.idOf(username).orElseThrow(() -> unknown("username " + username));
        UserDetails details = users.findById(id).orElseThrow(() -> unknown("id " + id));
        ResolvedUser user = new ResolvedUser(id, details, backend);
        Auth.login(session, user);
        request.setAttribute(ATTRIBUTE, Optional.of(user));
    }

    /**
     * Returns whether the request's session holds a verified login.
     *
     * @throws IllegalStateException if {@code SessionFilter} did not run for this request
     */
    @Override
    public boolean containsContext(HttpServletRequest request) {
        return verifiedUser(request).isPresent();
    }

    /**
     * Keeps the request's session logged in after its user's password changed (Django's
     * {@code update_session_auth_hash}): the key is cycled and the hash of the new password hash stored,
     * while every other session of the user fails its next check and is flushed. Call it after storing the
     * new password; does nothing for an anonymous session.
     *
     * @throws IllegalStateException if {@code SessionFilter} did not run for this request
     * @throws dev.cloakroom.SessionStorageException if the session cannot be cycled
     */
    public void updateSessionAuthHash(HttpServletRequest request) {
        Session session = Sessions.of(request);
        Object id = session.get(Auth.USER_ID_KEY);
        if (id == null) {
            return;
        }
        Optional<ResolvedUser> user = lookup.findById(id.toString());
        if (user.isPresent()) {
            Auth.updateSessionAuthHash(session, user.get());
            request.setAttribute(ATTRIBUTE, user);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<ResolvedUser> verifiedUser(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Optional<?> cached) {
            return (Optional<ResolvedUser>) cached;
        }
        Session session = Sessions.of(request);
        boolean stored = session.key() != null;
        Optional<ResolvedUser> user = Auth.currentUser(session, lookup);
        if (stored && session.key() == null) {
            invalidateView(request); // flushed: the password changed
        }
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }

    /**
     * After a flush, ends the {@code HttpSession} view a filter may still hold (Spring's
     * {@code ConcurrentSessionFilter} asks for it early), so that {@code getSession(false)} is {@code null}
     * and a later {@code getId()} does not store a new, empty session.
     */
    static void invalidateView(HttpServletRequest request) {
        HttpSession view = request.getSession(false);
        if (view != null) {
            view.invalidate();
        }
    }

    private static boolean usable(UserDetails user) {
        return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired();
    }

    private static IllegalStateException unknown(String what) {
        return new IllegalStateException("Spring Security authenticated a user that the DjangoUserResolver "
                + "cannot map to a Django id (" + what + "); the login cannot be stored");
    }

    @Override
    public String toString() {
        return "DjangoSecurityContextRepository[" + users + ", backend=" + backend + "]";
    }
}
