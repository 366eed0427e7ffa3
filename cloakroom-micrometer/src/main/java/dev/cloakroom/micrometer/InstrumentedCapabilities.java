package dev.cloakroom.micrometer;

import dev.cloakroom.ListingStats;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.micrometer.EngineMeters.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InstrumentedEngine}s with capabilities, one per combination a wrapped engine can have:
 * {@link UserSessionIndex}, {@link SessionListing}, or both. Each call is timed and forwarded.
 */
final class InstrumentedCapabilities {

    private InstrumentedCapabilities() {
    }

    /** Forwards {@link UserSessionIndex}, timed. */
    private interface TimedIndex extends UserSessionIndex {

        InstrumentedEngine self();

        @Override
        default List<SessionSummary> sessionsOf(String userId) {
            InstrumentedEngine self = self();
            return self.meters.time(Operation.SESSIONS_OF,
                    () -> ((UserSessionIndex) self.delegate).sessionsOf(userId));
        }

        @Override
        default int revokeAll(String userId, @Nullable String exceptKey) {
            InstrumentedEngine self = self();
            return self.meters.time(Operation.REVOKE_ALL,
                    () -> ((UserSessionIndex) self.delegate).revokeAll(userId, exceptKey));
        }
    }

    /** Forwards {@link SessionListing}, timed. */
    private interface TimedListing extends SessionListing {

        InstrumentedEngine self();

        @Override
        default String description() {
            return ((SessionListing) self().delegate).description();
        }

        @Override
        default Optional<StoredSession> find(String key) {
            InstrumentedEngine self = self();
            return self.meters.time(Operation.FIND, () -> ((SessionListing) self.delegate).find(key));
        }

        @Override
        default List<StoredSession> live(Instant now, int limit) {
            InstrumentedEngine self = self();
            return self.meters.time(Operation.LIVE, () -> ((SessionListing) self.delegate).live(now, limit));
        }

        @Override
        default ListingStats stats(Instant now) {
            InstrumentedEngine self = self();
            return self.meters.time(Operation.STATS, () -> ((SessionListing) self.delegate).stats(now));
        }
    }

    /** An engine that indexes sessions by user. */
    static final class Indexed extends InstrumentedEngine implements TimedIndex {
        Indexed(ServerSideEngine delegate, EngineMeters meters) {
            super(delegate, meters);
        }

        @Override
        public InstrumentedEngine self() {
            return this;
        }
    }

    /** An engine whose storage can be listed. */
    static final class Listed extends InstrumentedEngine implements TimedListing {
        Listed(ServerSideEngine delegate, EngineMeters meters) {
            super(delegate, meters);
        }

        @Override
        public InstrumentedEngine self() {
            return this;
        }
    }

    /** An engine with both capabilities. */
    static final class IndexedListed extends InstrumentedEngine implements TimedIndex, TimedListing {
        IndexedListed(ServerSideEngine delegate, EngineMeters meters) {
            super(delegate, meters);
        }

        @Override
        public InstrumentedEngine self() {
            return this;
        }
    }
}
