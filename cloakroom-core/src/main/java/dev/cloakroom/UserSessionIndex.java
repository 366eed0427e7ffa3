package dev.cloakroom;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ability of engines that index sessions by user ({@link StoredSession#userId()}): list a user's
 * sessions and revoke them, for "sign out everywhere". Implemented by {@code db} (with its user column
 * turned on), {@code cache} and {@code memory}; not by {@code signed_cookies}, which stores nothing on
 * the server and so cannot revoke anything. Implementations are thread-safe.
 */
public interface UserSessionIndex {

    /**
     * Returns whether this engine, as configured, indexes sessions by user. True by default; the
     * {@code db} engine says false unless its user column is turned on, and then the other methods throw
     * {@link UnsupportedOperationException}.
     */
    default boolean indexesUsers() {
        return true;
    }

    /**
     * Returns the user's live (unexpired) sessions, soonest expiry first.
     *
     * @throws SessionStorageException if the storage cannot be read
     */
    List<SessionSummary> sessionsOf(String userId);

    /**
     * Deletes every session of the user except {@code exceptKey} (the caller's own, or {@code null} for
     * all) and returns how many it deleted.
     *
     * @throws SessionStorageException if the storage cannot be written
     */
    int revokeAll(String userId, @Nullable String exceptKey);
}
