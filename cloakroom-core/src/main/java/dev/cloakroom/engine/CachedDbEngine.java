package dev.cloakroom.engine;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionException;
import dev.cloakroom.SessionListing;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.internal.Listeners;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code cached_db}: a cache engine (Redis, typically) in front of a database engine, so reads
 * are fast and nothing is lost when the cache forgets. The database is the authority; the cache holds
 * copies of its records, and any failure of the cache is survived by using the database alone.
 *
 * <p>Order, as Django's: {@code load} reads the cache and on a miss the database, then refills the
 * cache; {@code save}, {@code create} and {@code delete} write the database first (its answer is the
 * answer) and then the cache; {@code exists} asks the cache, then the database; {@code clearExpired} is
 * the database's.
 *
 * <p>Design notes (what keeps the cache from ever overruling the database):
 * <ul>
 *   <li><b>The cache is only ever updated compare-and-set, or evicted.</b> After the database saved
 *       {@code loaded → next}, the cache is saved with the same pair; if the cache held something else it
 *       is evicted rather than overwritten, and a save without {@code loaded} evicts. Two writers whose
 *       cache writes arrive out of order therefore leave an empty entry, never an old one.</li>
 *   <li><b>Refills are checked.</b> A refill copies a record read from the database; if a save or a
 *       delete (a logout) slipped in between that read and the refill, the refill would put an old or
 *       deleted session back. So after a refill the record is read from the database once more and the
 *       entry is evicted if it changed. This costs a second database read on a cache miss only.</li>
 *   <li><b>No endless conflict.</b> When the database answers {@code CONFLICT} or {@code GONE}, the
 *       cache entry is evicted, so the reload that {@link dev.cloakroom.Session} does next reads the
 *       database.</li>
 *   <li><b>Cache down or slow:</b> a failing cache call (any {@link RuntimeException}, including
 *       {@link dev.cloakroom.SessionStorageException} and timeouts) never fails the request. It is logged
 *       at WARN at most once per {@link CachedDbEngineBuilder#warnInterval warn interval}, and the cache is
 *       left alone for {@link CachedDbEngineBuilder#retryCacheAfter a short while}, so a hung Redis costs
 *       one timeout per interval
 *       rather than one per request. Keys written or deleted meanwhile are remembered (up to
 *       {@value #MAX_PENDING_EVICTIONS}) and evicted from the cache when it answers again, so a session
 *       logged out during the outage does not come back from the cache afterwards. This memory is per
 *       process: another application server may still serve such an entry from the cache until this
 *       one has evicted it, which it does on its next cache calls.</li>
 * </ul>
 *
 * <p>It implements {@link UserSessionIndex} exactly when the database engine does: listing asks the
 * database, and revoking revokes in the database and then evicts the revoked sessions from the cache. It
 * implements {@link SessionListing} exactly when the database engine does, and lists the database.
 *
 * <p>Thread-safe when both engines are.
 */
public sealed class CachedDbEngine implements ServerSideEngine, AutoCloseable
        permits CachedDbCapabilities.Indexed, CachedDbCapabilities.Listed {

    /** How many keys are remembered for eviction while the cache is unreachable. */
    public static final int MAX_PENDING_EVICTIONS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(CachedDbEngine.class);
    /** Pending evictions retried per successful cache call, so one request never does them all. */
    private static final int EVICTIONS_PER_CALL = 32;

    final ServerSideEngine cache;
    final ServerSideEngine db;
    private final Clock clock;
    private final Duration warnInterval;
    private final Duration retryCacheAfter;
    private final Listeners listener;

    /** Whether the cache stores hashes of keys, so a stored key must be deleted with deleteStored. */
    private final boolean cacheHashesKeys;
    /** Stored keys (the cache's {@link ServerSideEngine#storedKey}) to evict once the cache answers. */
    private final Set<String> pendingEvictions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Instant skipCacheUntil = Instant.MIN;
    private volatile boolean degraded;
    private final Object warnLock = new Object();
    private Instant nextWarnAt = Instant.MIN;
    private long failuresSinceWarn;
    private boolean overflowReported;

    CachedDbEngine(CachedDbEngineBuilder builder) {
        this.cache = builder.cache;
        this.db = builder.db;
        this.clock = builder.clock;
        this.warnInterval = builder.warnInterval;
        this.retryCacheAfter = builder.retryCacheAfter;
        this.cacheHashesKeys = CachedDbEngineBuilder.hashesKeys(cache);
        this.listener = Listeners.of(List.of(builder.listener));
    }

    /**
     * Returns {@code cache} in front of {@code db} with the defaults of {@link CachedDbEngineBuilder}. The
     * result implements {@link UserSessionIndex} if {@code db} does.
     *
     * @throws IllegalArgumentException if either engine keeps sessions in the cookie, or both are one engine
     */
    public static CachedDbEngine of(ServerSideEngine cache, ServerSideEngine db) {
        return builder(cache, db).build();
    }

    /** Returns a builder for {@code cache} in front of {@code db}. */
    public static CachedDbEngineBuilder builder(ServerSideEngine cache, ServerSideEngine db) {
        return new CachedDbEngineBuilder(cache, db);
    }

    /** The cache engine. */
    public ServerSideEngine cache() {
        return cache;
    }

    /** The database engine, the authority. */
    public ServerSideEngine database() {
        return db;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<StoredSession> load(String key) {
        if (!cacheUsable() || (isPending(key) && !evict(key))) {
            return db.load(key);
        }
        Optional<StoredSession> hit = fromCache("loading a session", () -> cache.load(key));
        if (hit != null && hit.isPresent()) {
            return hit;
        }
        Optional<StoredSession> row = db.load(key);
        if (hit == null || row.isEmpty()) {
            return row;
        }
        return refill(row.get());
    }

    /** Copies a database record into the cache, then checks that the database still has it unchanged. */
    private Optional<StoredSession> refill(StoredSession row) {
        Boolean created = fromCache("refilling a session", () -> cache.create(row));
        if (created == null) {
            remember(row.key()); // the refill may have landed without its check
            return Optional.of(row);
        }
        if (!created) {
            return Optional.of(row); // another request refilled it, and checks its own refill
        }
        Optional<StoredSession> again = db.load(row.key());
        if (again.isEmpty() || !again.get().data().equals(row.data())
                || !again.get().expiresAt().equals(row.expiresAt())) {
            evict(row.key());
        }
        return again;
    }

    @Override
    public boolean exists(String key) {
        if (cacheUsable() && !isPending(key)) {
            Boolean cached = fromCache("checking a session", () -> cache.exists(key));
            if (Boolean.TRUE.equals(cached)) {
                return true;
            }
        }
        return db.exists(key);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public boolean create(StoredSession session) {
        if (!db.create(session)) {
            return false;
        }
        if (cacheUsable()) {
            Boolean created = fromCache("creating a session", () -> cache.create(session));
            if (Boolean.FALSE.equals(created)) {
                evict(session.key()); // a leftover under a brand-new key: not the database's record
            }
        }
        return true;
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        SaveResult result = db.save(loaded, next);
        if (result != SaveResult.SAVED || loaded == null) {
            evict(next.key());
            return result;
        }
        if (!cacheUsable()) {
            remember(next.key());
            return result;
        }
        SaveResult cached = fromCache("saving a session", () -> cache.save(loaded, next));
        if (cached == null) {
            remember(next.key());
        } else if (cached == SaveResult.CONFLICT) {
            evict(next.key());
        }
        return result;
    }

    @Override
    public void delete(String key) {
        db.delete(key);
        evict(key);
    }

    /** The database's stored key: both engines store keys the same way (checked when built). */
    @Override
    public String storedKey(String sessionKey) {
        return db.storedKey(sessionKey);
    }

    /** Deletes the record stored under {@code storedKey} from the database, then from the cache. */
    @Override
    public boolean deleteStored(String storedKey) {
        boolean deleted = db.deleteStored(storedKey);
        evictStored(storedKey);
        return deleted;
    }

    @Override
    public int clearExpired() {
        int removed = db.clearExpired();
        if (cacheUsable()) {
            fromCache("clearing expired sessions", cache::clearExpired);
        }
        return removed;
    }

    /**
     * Closes the cache engine and then the database engine, those of them that are {@link AutoCloseable}.
     *
     * @throws SessionException if closing either failed with a checked exception (the database engine is
     *     closed even if closing the cache failed)
     */
    @Override
    public void close() {
        Exception failure = closeQuietly(cache, null);
        failure = closeQuietly(db, failure);
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure != null) {
            throw new SessionException("Could not close " + this + ": " + failure.getMessage(), failure);
        }
    }

    private static @Nullable Exception closeQuietly(ServerSideEngine engine, @Nullable Exception earlier) {
        if (engine instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (earlier == null) {
                    return e;
                }
                earlier.addSuppressed(e);
            }
        }
        return earlier;
    }

    @Override
    public String toString() {
        return "CachedDbEngine[cache=" + cache + ", db=" + db + "]";
    }

    // ---------------------------------------------------------------- the cache's health

    /**
     * Removes {@code key} from the cache; if the cache cannot be reached, remembers it for later.
     *
     * @return whether the cache is known not to hold the key any more
     */
    final boolean evict(String key) {
        return evictStored(cache.storedKey(key));
    }

    /** As {@link #evict}, for a key as the cache stores it (a listed key). */
    final boolean evictStored(String storedKey) {
        if (cacheUsable()) {
            Boolean done = fromCache("evicting a session", () -> {
                deleteFromCache(storedKey);
                return Boolean.TRUE;
            });
            if (done != null) {
                pendingEvictions.remove(storedKey);
                return true;
            }
        }
        rememberStored(storedKey);
        return false;
    }

    private void remember(String key) {
        rememberStored(cache.storedKey(key));
    }

    private void rememberStored(String storedKey) {
        if (pendingEvictions.size() < MAX_PENDING_EVICTIONS) {
            pendingEvictions.add(storedKey);
        } else {
            rememberOverflow();
        }
    }

    private boolean isPending(String key) {
        return !pendingEvictions.isEmpty() && pendingEvictions.contains(cache.storedKey(key));
    }

    /** One command on a plain cache ({@code delete}); the hash's own deletion on a hashing one. */
    private void deleteFromCache(String storedKey) {
        if (cacheHashesKeys) {
            cache.deleteStored(storedKey);
        } else {
            cache.delete(storedKey);
        }
    }

    private void rememberOverflow() {
        if (pendingEvictions.size() >= MAX_PENDING_EVICTIONS) {
            synchronized (warnLock) {
                if (overflowReported) {
                    return;
                }
                overflowReported = true;
            }
            LOG.error("The session cache {} missed more than {} updates while it was failing, so it may "
                    + "serve outdated or logged-out sessions until they expire. Delete its session entries "
                    + "(for Redis, the keys under the engine's key prefix) to be safe.", cache,
                    MAX_PENDING_EVICTIONS);
        }
    }

    final boolean cacheUsable() {
        return !clock.instant().isBefore(skipCacheUntil);
    }

    /**
     * Runs one cache call. Returns its result, or {@code null} if the cache failed, after recording the
     * failure: the cache is then skipped for {@code retryCacheAfter}, and a WARN is logged if none was in
     * the last {@code warnInterval}.
     */
    final <T> @Nullable T fromCache(String operation, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            cacheFailed(operation, e);
            return null;
        }
        if (degraded) {
            degraded = false;
            LOG.info("The session cache {} answers again; using it. {} sessions changed meanwhile are being "
                    + "evicted from it.", cache, pendingEvictions.size());
        }
        if (!pendingEvictions.isEmpty() && draining.compareAndSet(false, true)) {
            drainPendingEvictions();
        }
        return result;
    }

    /** Evicts a few of the keys remembered while the cache was failing; one thread at a time. */
    private void drainPendingEvictions() {
        try {
            Iterator<String> keys = pendingEvictions.iterator();
            for (int i = 0; i < EVICTIONS_PER_CALL && keys.hasNext(); i++) {
                String key = keys.next();
                try {
                    deleteFromCache(key);
                    pendingEvictions.remove(key);
                } catch (RuntimeException e) {
                    cacheFailed("evicting sessions changed while it was failing", e);
                    return;
                }
            }
        } finally {
            draining.set(false);
        }
    }

    private void cacheFailed(String operation, RuntimeException e) {
        listener.cacheFailed(operation);
        Instant now = clock.instant();
        skipCacheUntil = now.plus(retryCacheAfter);
        degraded = true;
        long suppressed;
        synchronized (warnLock) {
            if (now.isBefore(nextWarnAt)) {
                failuresSinceWarn++;
                return;
            }
            nextWarnAt = now.plus(warnInterval);
            suppressed = failuresSinceWarn;
            failuresSinceWarn = 0;
        }
        String others = suppressed == 0 ? "" : " " + suppressed + " more cache failures since the last one.";
        LOG.warn("The session cache {} failed while {} ({}); serving sessions from the database {} and "
                + "trying the cache again in {} s.{} Warnings come at most every {} s.", cache, operation,
                e.toString(), db, retryCacheAfter.toSeconds(), others, warnInterval.toSeconds(), e);
    }
}
