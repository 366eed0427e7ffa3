package dev.cloakroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An ability of engines whose storage can be scanned: every stored session, expired or not, for operators
 * and the {@code cloakroom} command ({@code inspect}, {@code list}, {@code stats}). Implemented by
 * {@code db}, {@code file}, {@code memory} and by {@code cached_db} over a database engine that has it;
 * not by {@code cache}, whose store is shared with other data, nor by {@code signed_cookies}, which stores
 * nothing. The engine reads its own storage the way it does for sessions (same connection pool, SQL
 * dialect, file names and charset). Implementations are thread-safe; a scan is not a snapshot.
 *
 * <p>Keys here are stored keys ({@link ServerSideEngine#storedKey}): on an engine that hashes keys at rest,
 * {@link #live} returns hashes and {@link #find} takes one; elsewhere they are the session keys.
 */
public interface SessionListing {

    /**
     * Where the sessions are, for people: {@code table django_session on PostgreSQL 127.0.0.1:5432/app},
     * {@code directory /var/sessions}.
     */
    String description();

    /**
     * Returns the stored session under the stored key {@code key}, expired or not; empty if there is none
     * or the key is not a session key.
     *
     * @throws SessionStorageException if the storage cannot be read
     */
    Optional<StoredSession> find(String key);

    /**
     * Returns the sessions live at {@code now}, soonest expiry first, at most {@code limit} of them, or all
     * with {@code limit} 0.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws SessionStorageException if the storage cannot be read
     */
    List<StoredSession> live(Instant now, int limit);

    /**
     * Counts the stored sessions, live and expired at {@code now}, and sizes their encoded data.
     *
     * @throws SessionStorageException if the storage cannot be read
     */
    ListingStats stats(Instant now);
}
