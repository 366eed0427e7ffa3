package dev.cloakroom;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An engine that stores sessions on the server, under a random key that the cookie carries: {@code db},
 * {@code cache}, {@code cached_db}, {@code file} and {@code memory}. One instance serves a whole
 * application; implementations are expected to be thread-safe.
 *
 * <p>An engine only stores. Lazy loading, change tracking, expiry arithmetic, key generation,
 * {@code cycleKey} and the retry after a conflicting save live in {@link Session}, once for every engine.
 * Engines store {@link StoredSession#data()} as an opaque string and never decode it.
 *
 * <p>Engines report storage failures (a database or Redis that is down or too slow) as
 * {@link SessionStorageException}; they never turn them into a missing session, which could
 * then be overwritten.
 *
 * <p>What only some server-side engines can do is a capability interface they implement or not:
 * {@link UserSessionIndex} (a user's sessions) and {@link SessionListing} (every stored session, for
 * operators).
 */
public non-sealed interface ServerSideEngine extends SessionEngine {

    /**
     * Returns the stored session for {@code key}, or empty if there is none or it has expired.
     *
     * @throws SessionStorageException if the storage cannot be read
     */
    Optional<StoredSession> load(String key);

    /**
     * Stores a brand-new session under {@code session.key()} unless a record with that key exists
     * (expired or not): Django's {@code save(must_create=True)}.
     *
     * @return {@code true} if stored; {@code false} if the key is taken, so the caller tries another key
     * @throws SessionStorageException if the storage cannot be written
     */
    boolean create(StoredSession session);

    /**
     * Replaces a stored session, compare-and-set: the write happens only if the stored data is still
     * {@code loaded.data()}. With {@code loaded == null} (the caller never read the record) the write
     * happens if any record with {@code next.key()} exists. A missing record is never re-created: that
     * would resurrect a session another request deleted.
     *
     * @param loaded what the caller loaded, or {@code null} if it did not load
     * @param next the new state; its key is the key of the record to replace
     * @return {@link SaveResult#SAVED}, {@link SaveResult#CONFLICT} or {@link SaveResult#GONE}
     * @throws SessionStorageException if the storage cannot be written
     */
    SaveResult save(@Nullable StoredSession loaded, StoredSession next);

    /**
     * Deletes the session for {@code key}; does nothing if there is none.
     *
     * @throws SessionStorageException if the storage cannot be written
     */
    void delete(String key);

    /**
     * Returns whether a record exists for {@code key}, expired or not (Django's {@code exists}).
     *
     * @throws SessionStorageException if the storage cannot be read
     */
    boolean exists(String key);

    /**
     * Deletes expired sessions and returns how many it deleted: what {@code clearsessions} runs.
     * Engines whose storage expires entries by itself return 0.
     *
     * @throws SessionStorageException if the storage cannot be written
     */
    int clearExpired();

    /**
     * Returns the key the storage keeps the session of {@code sessionKey} under: the key itself by default;
     * its hash for an engine that hashes keys at rest ({@code hashKeys(true)} of the {@code db} and
     * {@code cache} engines). Listings ({@link SessionSummary#key()}, {@link SessionListing}) show stored
     * keys, so compare a session's key with a listed one through this method. It is a pure function of
     * {@code sessionKey} and touches no storage.
     */
    default String storedKey(String sessionKey) {
        return sessionKey;
    }

    /**
     * Deletes the record stored under {@code storedKey}, a key as listings show it
     * ({@link SessionSummary#key()}, {@link SessionListing#live}): how an operator revokes one listed
     * session. By default the same as {@link #delete}; an engine that hashes keys at rest deletes the record
     * named by the hash, which {@link #delete} (taking the key a client sends) never does. Never pass it a
     * key that came from a client.
     *
     * @return whether there was such a record
     * @throws SessionStorageException if the storage cannot be written
     */
    default boolean deleteStored(String storedKey) {
        boolean existed = exists(storedKey);
        delete(storedKey);
        return existed;
    }
}
