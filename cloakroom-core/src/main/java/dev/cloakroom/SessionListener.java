package dev.cloakroom;

/**
 * Hears what happens to sessions: created, given a new key, flushed, revoked, found expired, rejected as
 * tampered or corrupt, and the compare-and-set retries of saves. Register listeners with
 * {@link SessionSettingsBuilder#listener(SessionListener)}; every {@link Session} opened with those settings
 * calls them. Every method does nothing by default, so a listener overrides only what it needs.
 *
 * <p><b>When and where.</b> A listener is called after the fact, on the thread of the request, once the
 * storage has answered: {@code created} after the new record is stored, {@code keyCycled} after the old
 * record is deleted, and so on. Nothing is queued and there is no executor: keep listeners fast, and hand
 * slow work (a remote audit log) to an executor of your own. A listener that throws never fails the
 * request nor stops the other listeners: its exception is logged once, at WARN on the
 * {@code dev.cloakroom.SessionListener} logger, and swallowed.
 *
 * <p><b>Keys.</b> For server-side engines a key is the session key. For engines that keep the session in
 * the cookie ({@link ClientSideEngine}) it is the cookie value, which changes at every save; such engines
 * fire {@code created}, {@code keyCycled}, {@code flushed}, {@code expired} and {@code rejected} only.
 *
 * <p><b>Without a session.</b> Revoking a user's sessions ({@link UserSessionIndex#revokeAll}) happens in
 * the engine, not in a session: {@link dev.cloakroom.contrib.auth.UserSessions} and the {@code cloakroom
 * revoke} command fire {@link #revoked} through the listeners of the settings they are given; code that
 * calls {@code revokeAll} on an engine directly fires nothing. The {@code cached_db} engine reports a failing
 * cache to the listener given to its builder ({@link dev.cloakroom.engine.CachedDbEngineBuilder#listener}).
 *
 * <p>Implementations must be thread-safe: one listener hears every request at once.
 */
public interface SessionListener {

    /** Why a session cookie or stored session was rejected and replaced by an empty session. */
    enum Rejection {
        /**
         * A session cookie failed verification: tampered with, signed or encrypted with a key that is no
         * longer configured, older than the cookie age, or unreadable.
         */
        INVALID_COOKIE,
        /** A session cookie longer than any browser keeps, rejected without verifying it. */
        OVERSIZED_COOKIE,
        /** Stored session data whose signature does not verify or whose payload cannot be read. */
        CORRUPT_DATA
    }

    /** A new session was stored under {@code key}. */
    default void created(String key) {
    }

    /**
     * A session moved from {@code oldKey} to {@code newKey} ({@link Session#cycleKey()}, a login): the new
     * record is stored and the old one deleted.
     */
    default void keyCycled(String oldKey, String newKey) {
    }

    /** The session under {@code key} was flushed ({@link Session#flush()}, a logout): its record is gone. */
    default void flushed(String key) {
    }

    /**
     * {@code count} sessions of {@code userId} were revoked ("sign out everywhere",
     * {@code cloakroom revoke}).
     */
    default void revoked(String userId, int count) {
    }

    /**
     * The client named a session that is no longer live, so it got an empty one: it outlived its absolute
     * lifetime, its cookie expired, or (server-side engines) the engine had no live record under
     * {@code key}. Engines return nothing for an expired record, so in that last case an expired session
     * cannot be told from one deleted elsewhere or a key that never existed.
     */
    default void expired(String key) {
    }

    /** A tampered or corrupt cookie or stored session was rejected and replaced by an empty session. */
    default void rejected(Rejection reason) {
    }

    /**
     * A compare-and-set save of {@code key} found the session changed by another request; the session is
     * reloaded and the save tried again, {@code attempt} being the attempt that conflicted (1 for the first).
     */
    default void saveConflicted(String key, int attempt) {
    }

    /**
     * A save of {@code key} found the session deleted by another request (a logout) and was abandoned:
     * {@link SessionInterruptedException}.
     */
    default void saveInterrupted(String key) {
    }

    /**
     * The cache of a {@code cached_db} engine failed while {@code operation} ("loading a session"...);
     * sessions are served from the database meanwhile.
     */
    default void cacheFailed(String operation) {
    }
}
