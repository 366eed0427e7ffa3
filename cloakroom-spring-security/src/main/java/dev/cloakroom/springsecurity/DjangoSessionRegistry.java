package dev.cloakroom.springsecurity;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's {@link SessionRegistry} over the session store's own index of sessions by user
 * ({@link UserSessionIndex}: {@code db} built with {@code userColumn()}, {@code cache}, {@code cached_db}
 * over such a {@code db}, {@code memory}), so that {@code sessionManagement().maximumSessions(n)} and "sign
 * out everywhere" see every session of a user, on every node and those Django logged in, and nothing is kept
 * in memory.
 *
 * <ul>
 *   <li>{@link #getAllSessions} lists the user's live sessions in the store (expired ones are gone, so
 *       {@code includeExpiredSessions} changes nothing); the principal is mapped to the Django id through
 *       the {@link DjangoUserResolver}.</li>
 *   <li>{@link SessionInformation#expireNow()} on what it returns <b>deletes the session</b> from the store,
 *       so {@code ConcurrentSessionControlAuthenticationStrategy} really ends the oldest session: its next
 *       request arrives with a key that names nothing and is anonymous (redirected to the login page, not
 *       to the {@code ConcurrentSessionFilter}'s expired URL, since the session no longer exists).</li>
 *   <li>{@link #registerNewSession} and {@link #refreshLastRequest} do nothing: a session is filed under
 *       its user when the login is saved ({@link DjangoSecurityContextRepository}), and every save records
 *       when it happened. {@link #removeSessionInformation} deletes the session.</li>
 *   <li>{@link #getSessionInformation} reads the session (one storage read, on every request when
 *       {@code ConcurrentSessionFilter} runs) and returns {@code null} for an anonymous or missing one.</li>
 * </ul>
 *
 * <p>{@link SessionInformation#getLastRequest()} is when the session was last saved, for engines that record
 * it ({@code cache}); for the others, its expiry less {@link SessionSettings#cookieAge()} (exact for sessions
 * with the default expiry, and ordered as their saves were). Thread-safe.
 */
public final class DjangoSessionRegistry implements SessionRegistry {

    private final ServerSideEngine engine;
    private final UserSessionIndex index;
    private final Duration cookieAge;
    private final DjangoUserResolver users;

    /**
     * A registry over {@code engine}'s user index.
     *
     * @param settings the session settings, for {@link SessionSettings#cookieAge()}
     * @throws IllegalArgumentException if {@code engine} keeps no index of sessions by user
     */
    public DjangoSessionRegistry(SessionEngine engine, SessionSettings settings, DjangoUserResolver users) {
        Objects.requireNonNull(engine, "engine");
        if (!(engine instanceof UserSessionIndex userIndex) || !(engine instanceof ServerSideEngine server)) {
            throw new IllegalArgumentException("The engine " + engine + " keeps no index of sessions by "
                    + "user, so Spring Security cannot count or expire them; use cache, or db built with "
                    + "userColumn()");
        }
        this.engine = server;
        this.index = userIndex;
        this.cookieAge = settings.cookieAge();
        this.users = Objects.requireNonNull(users, "users");
    }

    /**
     * Not supported: the store indexes sessions by user, but keeps no list of users.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public List<Object> getAllPrincipals() {
        throw new UnsupportedOperationException("The session store lists the sessions of one user "
                + "(getAllSessions), not every user with a session");
    }

    /**
     * Returns the live sessions of {@code principal} (a {@code UserDetails}, a username, or a
     * {@link Principal}), soonest expiry first, in a list the caller may sort; empty for a principal the
     * resolver does not know.
     *
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be read
     */
    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        Optional<String> id = idOf(principal);
        if (id.isEmpty()) {
            return List.of();
        }
        // A mutable list: ConcurrentSessionControlAuthenticationStrategy sorts it in place.
        List<SessionInformation> sessions = new ArrayList<>();
        for (SessionSummary summary : index.sessionsOf(id.get())) {
            sessions.add(new StoreSessionInformation(principal, summary.key(), lastRequest(summary), engine));
        }
        return sessions;
    }

    /**
     * Returns the session stored under {@code sessionId} if it is live and logged in, else {@code null}.
     * Its principal is the user the resolver finds for the stored id, or the id itself if it finds none.
     *
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be read
     */
    @Override
    public @Nullable SessionInformation getSessionInformation(String sessionId) {
        Optional<StoredSession> stored = engine.load(sessionId);
        if (stored.isEmpty() || stored.get().userId() == null) {
            return null;
        }
        String userId = Objects.requireNonNull(stored.get().userId());
        Object principal = users.findById(userId).map(Object.class::cast).orElse(userId);
        Instant saved = stored.get().expiresAt().minus(cookieAge);
        return new StoreSessionInformation(principal, sessionId, Date.from(saved), engine);
    }

    /** Does nothing: every save of the session records when it happened. */
    @Override
    public void refreshLastRequest(String sessionId) {
    }

    /** Does nothing: the session is filed under its user when the login is saved. */
    @Override
    public void registerNewSession(String sessionId, Object principal) {
    }

    /**
     * Deletes the session stored under {@code sessionId}.
     *
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be written
     */
    @Override
    public void removeSessionInformation(String sessionId) {
        engine.delete(sessionId);
    }

    private Date lastRequest(SessionSummary summary) {
        Instant lastSeen = summary.lastSeen();
        return Date.from(lastSeen != null ? lastSeen : summary.expiresAt().minus(cookieAge));
    }

    private Optional<String> idOf(Object principal) {
        if (principal instanceof DjangoUserDetails details) {
            return Optional.of(details.id());
        }
        String username;
        if (principal instanceof UserDetails details) {
            username = details.getUsername();
        } else if (principal instanceof AuthenticatedPrincipal authenticated) {
            username = authenticated.getName();
        } else if (principal instanceof Principal plain) {
            username = plain.getName();
        } else if (principal instanceof String name) {
            username = name;
        } else {
            return Optional.empty();
        }
        return users.idOf(username);
    }

    @Override
    public String toString() {
        return "DjangoSessionRegistry[" + engine + "]";
    }
}
