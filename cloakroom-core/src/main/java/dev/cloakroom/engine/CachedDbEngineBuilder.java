package dev.cloakroom.engine;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListener;
import dev.cloakroom.SessionListing;
import dev.cloakroom.UserSessionIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link CachedDbEngine} ({@link CachedDbEngine#builder}). Not thread-safe; the engine it builds
 * is.
 */
public final class CachedDbEngineBuilder {
    final ServerSideEngine cache;
    final ServerSideEngine db;
    Clock clock = Clock.systemUTC();
    Duration warnInterval = Duration.ofSeconds(30);
    Duration retryCacheAfter = Duration.ofSeconds(5);
    SessionListener listener = new SessionListener() { };

    CachedDbEngineBuilder(ServerSideEngine cache, ServerSideEngine db) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Sets the clock that times the warnings and the pauses after a cache failure; by default the
     * system clock. (Session expiry is the engines' business, on their own clocks.)
     */
    public CachedDbEngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the least time between two WARNs about a failing cache; by default 30 seconds. Failures in
     * between are counted in the next WARN.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public CachedDbEngineBuilder warnInterval(Duration interval) {
        this.warnInterval = nonNegative("warnInterval", interval);
        return this;
    }

    /**
     * Sets how long the cache is left alone after it failed, sessions being served by the database
     * meanwhile; by default 5 seconds. Zero tries the cache on every call, which costs a full command
     * timeout per call while the cache hangs.
     *
     * @throws IllegalArgumentException if {@code pause} is negative
     */
    public CachedDbEngineBuilder retryCacheAfter(Duration pause) {
        this.retryCacheAfter = nonNegative("retryCacheAfter", pause);
        return this;
    }

    /**
     * Sets the listener told of every cache failure ({@link SessionListener#cacheFailed}), each time the
     * engine falls back to the database (the log is rate-limited, this is not); by default none. Called
     * on the request's thread; what it throws is logged and swallowed.
     */
    public CachedDbEngineBuilder listener(SessionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Builds the engine; it implements {@link UserSessionIndex} and {@link SessionListing} if the
     * database engine does.
     *
     * @throws IllegalArgumentException if both are the same engine, or one hashes keys at rest and the
     *     other does not ({@link ServerSideEngine#storedKey} differs)
     */
    public CachedDbEngine build() {
        if (cache == db) {
            throw new IllegalArgumentException("cached_db needs two different engines, a cache and a "
                    + "database; it was given " + cache + " for both");
        }
        if (hashesKeys(cache) != hashesKeys(db)) {
            throw new IllegalArgumentException("cached_db needs both engines to store keys the same way: "
                    + "turn hashKeys on for both or for neither (cache " + cache + ", db " + db + ")");
        }
        boolean listed = db instanceof SessionListing;
        if (db instanceof UserSessionIndex) {
            return listed ? new CachedDbCapabilities.IndexedListed(this)
                    : new CachedDbCapabilities.Indexed(this);
        }
        return listed ? new CachedDbCapabilities.Listed(this) : new CachedDbEngine(this);
    }

    /** Whether {@code engine} stores keys as something else than themselves (hashes). */
    static boolean hashesKeys(ServerSideEngine engine) {
        String probe = "cachedbprobe0000000000000000000000";
        return !engine.storedKey(probe).equals(probe);
    }

    private static Duration nonNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }
}
