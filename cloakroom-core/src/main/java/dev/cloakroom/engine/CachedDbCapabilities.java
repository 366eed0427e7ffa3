package dev.cloakroom.engine;

import dev.cloakroom.ListingStats;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CachedDbEngine}s that have capabilities, one per combination the database engine can have:
 * {@link UserSessionIndex} (listing asks the database; revoking revokes there and evicts from the cache) and
 * {@link SessionListing} (the database's listing). {@link CachedDbEngineBuilder#build()} picks one.
 */
final class CachedDbCapabilities {

    private CachedDbCapabilities() {
    }

    /** The composition over a database engine that indexes sessions by user. */
    static sealed class Indexed extends CachedDbEngine implements UserSessionIndex permits IndexedListed {

        private final UserSessionIndex dbIndex;

        Indexed(CachedDbEngineBuilder builder) {
            super(builder);
            this.dbIndex = (UserSessionIndex) db;
        }

        @Override
        public List<SessionSummary> sessionsOf(String userId) {
            return dbIndex.sessionsOf(userId);
        }

        /**
         * Revokes in the database, then evicts the revoked sessions from the cache: those the database
         * listed before revoking and, if the cache indexes by user too, those it knows of (sessions created
         * between the listing and the revoke).
         */
        @Override
        public int revokeAll(String userId, @Nullable String exceptKey) {
            List<SessionSummary> before = dbIndex.sessionsOf(userId);
            int revoked = dbIndex.revokeAll(userId, exceptKey);
            String except = exceptKey == null ? null : storedKey(exceptKey);
            for (SessionSummary session : before) {
                if (!session.key().equals(except)) {
                    evictStored(session.key());
                }
            }
            if (cache instanceof UserSessionIndex cacheIndex && cacheUsable()) {
                fromCache("revoking a user's sessions", () -> cacheIndex.revokeAll(userId, exceptKey));
            }
            return revoked;
        }
    }

    /** A composition that lists its database engine's sessions. */
    private interface ListsDatabase extends SessionListing {

        SessionListing databaseListing();

        @Override
        default String description() {
            return databaseListing().description();
        }

        @Override
        default Optional<StoredSession> find(String key) {
            return databaseListing().find(key);
        }

        @Override
        default List<StoredSession> live(Instant now, int limit) {
            return databaseListing().live(now, limit);
        }

        @Override
        default ListingStats stats(Instant now) {
            return databaseListing().stats(now);
        }
    }

    /** Over a database engine that can be listed but does not index users. */
    static final class Listed extends CachedDbEngine implements ListsDatabase {
        Listed(CachedDbEngineBuilder builder) {
            super(builder);
        }

        @Override
        public SessionListing databaseListing() {
            return (SessionListing) db;
        }
    }

    /** Over a database engine that can be listed and indexes users. */
    static final class IndexedListed extends Indexed implements ListsDatabase {
        IndexedListed(CachedDbEngineBuilder builder) {
            super(builder);
        }

        @Override
        public SessionListing databaseListing() {
            return (SessionListing) db;
        }
    }
}
