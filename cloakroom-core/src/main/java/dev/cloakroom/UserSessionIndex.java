package dev.cloakroom;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ability of engines that index sessions by user ({@link StoredSession#userId()}): list a user's
 * sessions and revoke them, for "sign out everywhere". An engine implements it exactly when it can:
 * {@code db} built with its user column, {@code cache}, {@code memory}, and {@code cached_db} over a
 * database engine that does; not {@code db} without the user column, {@code file}, nor
 * {@code signed_cookies}, which stores nothing on the server. Ask with
 * {@code engine instanceof UserSessionIndex}. Implementations are thread-safe.
 */
public interface UserSessionIndex {

    /**
     * Returns the user's live (unexpired) sessions, soonest expiry first. Their keys are stored keys
     * ({@link ServerSideEngine#storedKey}): hashes on an engine that hashes keys at rest.
     *
     * @throws SessionStorageException if the storage cannot be read
     */
    List<SessionSummary> sessionsOf(String userId);

    /**
     * Deletes every session of the user except {@code exceptKey} (the caller's own session key, as its
     * cookie carries it, or {@code null} for all) and returns how many it deleted.
     *
     * @throws SessionStorageException if the storage cannot be written
     */
    int revokeAll(String userId, @Nullable String exceptKey);
}
