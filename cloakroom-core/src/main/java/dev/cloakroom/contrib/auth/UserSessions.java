package dev.cloakroom.contrib.auth;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.internal.Listeners;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * "Where you're logged in" and "sign out everywhere else", on engines that index sessions by user
 * ({@link UserSessionIndex}: {@code memory}, {@code db} with its user column, {@code cache}).
 *
 * <p>A session is indexed under its user only once a login vouched for it: {@link Auth#login}, or
 * {@link Auth#currentUser} verifying the session auth hash (a session Django logged in is filed under its
 * user the first time Java verifies and saves it). A user id merely stored in the data is never indexed, so
 * nobody can plant a session in another user's list. A login shows up in {@link #sessionsOf} once its
 * session has been saved (at the end of the login request), and stays there through later saves until the
 * data stops naming that user (logout). Call these methods only for a user {@link Auth#currentUser}
 * verified: they trust the id stored in the session.
 *
 * <p>On an engine that does not implement {@link UserSessionIndex} ({@code signed_cookies} keeps sessions
 * in the browser; {@code file}, and {@code db} without its user column, keep no index) every method here
 * throws {@link UnsupportedOperationException}. Thread-safe.
 */
public final class UserSessions {

    private UserSessions() {
    }

    /**
     * Returns the live sessions of the user logged in to {@code current}, soonest expiry first; empty
     * for an anonymous session.
     *
     * @throws UnsupportedOperationException if the session's engine cannot index sessions by user
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be read
     */
    public static List<SessionSummary> sessionsOf(Session current) {
        UserSessionIndex index = indexOf(current.engine());
        String userId = Auth.userId(current);
        return userId == null ? List.of() : index.sessionsOf(userId);
    }

    /**
     * Signs the user of {@code current} out everywhere else: deletes every other session of that user
     * and keeps {@code current}. Other users' sessions are untouched. Returns how many were deleted; 0
     * for an anonymous session.
     *
     * @throws UnsupportedOperationException if the session's engine cannot index sessions by user
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be written
     */
    public static int revokeOthers(Session current) {
        UserSessionIndex index = indexOf(current.engine());
        String userId = Auth.userId(current);
        if (userId == null) {
            return 0;
        }
        int revoked = index.revokeAll(userId, current.key());
        Listeners.of(current.settings().listeners()).revoked(userId, revoked);
        return revoked;
    }

    /**
     * Returns the live sessions of {@code userId}, soonest expiry first (for an admin page).
     *
     * @throws UnsupportedOperationException if {@code engine} cannot index sessions by user
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be read
     */
    public static List<SessionSummary> sessionsOf(SessionEngine engine, String userId) {
        return indexOf(engine).sessionsOf(Objects.requireNonNull(userId, "userId"));
    }

    /**
     * Deletes every session of {@code userId} except the one under {@code exceptKey} ({@code null}: all
     * of them) and returns how many it deleted.
     *
     * @throws UnsupportedOperationException if {@code engine} cannot index sessions by user
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be written
     */
    public static int revokeAll(SessionEngine engine, String userId, @Nullable String exceptKey) {
        return indexOf(engine).revokeAll(Objects.requireNonNull(userId, "userId"), exceptKey);
    }

    /**
     * Returns whether {@code summary}, from {@link #sessionsOf}, is the session {@code current}: compares
     * stored keys, so it also holds on an engine that hashes keys at rest, where {@code summary.key()} is a
     * hash.
     */
    public static boolean isCurrent(SessionSummary summary, Session current) {
        String key = current.key();
        return key != null && current.engine() instanceof ServerSideEngine engine
                && summary.key().equals(engine.storedKey(key));
    }

    /**
     * Like {@link #revokeAll(SessionEngine, String, String)}, then tells the listeners of {@code settings}
     * ({@link dev.cloakroom.SessionListener#revoked}).
     *
     * @throws UnsupportedOperationException if {@code engine} cannot index sessions by user
     * @throws dev.cloakroom.SessionStorageException if the storage cannot be written
     */
    public static int revokeAll(SessionEngine engine, SessionSettings settings, String userId,
            @Nullable String exceptKey) {
        int revoked = revokeAll(engine, userId, exceptKey);
        Listeners.of(settings.listeners()).revoked(userId, revoked);
        return revoked;
    }

    private static UserSessionIndex indexOf(SessionEngine engine) {
        if (engine instanceof UserSessionIndex index) {
            return index;
        }
        if (engine instanceof ServerSideEngine) {
            throw new UnsupportedOperationException("The engine " + engine + " keeps no index of "
                    + "sessions by user, so they cannot be listed or revoked; use cache, or db built with "
                    + "userColumn()");
        }
        throw new UnsupportedOperationException("The signed_cookies engine keeps sessions in the browser, so "
                + "they cannot be listed or revoked; use db or cache");
    }
}
