package dev.cloakroom.engine;

import dev.cloakroom.ListingStats;
import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The {@code memory} engine: sessions in a map inside this JVM. For applications' own tests and for
 * single-process applications that may lose their sessions on restart. Thread-safe; saves are atomic
 * compare-and-set. Expired sessions are never returned and are removed by {@link #clearExpired()}. It
 * indexes sessions by user ({@link UserSessionIndex}) and can be listed ({@link SessionListing}).
 */
public final class MemoryEngine implements ServerSideEngine, UserSessionIndex, SessionListing {

    private final ConcurrentMap<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    private MemoryEngine(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates an empty engine on the system clock. */
    public static MemoryEngine create() {
        return new MemoryEngine(Clock.systemUTC());
    }

    /** Creates an empty engine that reads time from {@code clock} (tests move it). */
    public static MemoryEngine create(Clock clock) {
        return new MemoryEngine(clock);
    }

    @Override
    public Optional<StoredSession> load(String key) {
        StoredSession session = sessions.get(key);
        if (session == null || session.isExpiredAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    @Override
    public boolean create(StoredSession session) {
        return sessions.putIfAbsent(session.key(), session) == null;
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        SaveResult[] result = {SaveResult.GONE};
        sessions.computeIfPresent(next.key(), (key, current) -> {
            if (loaded != null && !current.data().equals(loaded.data())) {
                result[0] = SaveResult.CONFLICT;
                return current;
            }
            result[0] = SaveResult.SAVED;
            return next;
        });
        return result[0];
    }

    @Override
    public void delete(String key) {
        sessions.remove(key);
    }

    @Override
    public boolean exists(String key) {
        return sessions.containsKey(key);
    }

    @Override
    public int clearExpired() {
        Instant now = clock.instant();
        return removeIf(s -> s.isExpiredAt(now));
    }

    @Override
    public List<SessionSummary> sessionsOf(String userId) {
        return sessions.values().stream()
                .filter(s -> userId.equals(s.userId()) && !s.isExpiredAt(clock.instant()))
                .sorted(Comparator.comparing(StoredSession::expiresAt))
                .map(s -> new SessionSummary(s.key(), s.expiresAt(), null))
                .toList();
    }

    @Override
    public int revokeAll(String userId, @Nullable String exceptKey) {
        return removeIf(s -> userId.equals(s.userId()) && !s.key().equals(exceptKey));
    }

    @Override
    public String description() {
        return "memory of this process";
    }

    @Override
    public Optional<StoredSession> find(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public List<StoredSession> live(Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return sessions.values().stream().filter(s -> !s.isExpiredAt(now))
                .sorted(Comparator.comparing(StoredSession::expiresAt))
                .limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
    }

    @Override
    public ListingStats stats(Instant now) {
        long live = 0;
        long expired = 0;
        long total = 0;
        long largest = 0;
        for (StoredSession session : sessions.values()) {
            if (session.isExpiredAt(now)) {
                expired++;
            } else {
                live++;
            }
            total += session.data().length();
            largest = Math.max(largest, session.data().length());
        }
        return new ListingStats(live, expired, total, largest);
    }

    /**
     * Removes every session that matches, testing each key's current value atomically: a session saved
     * between the test and the removal is tested again, never skipped. Returns how many it removed.
     */
    private int removeIf(Predicate<StoredSession> matches) {
        int removed = 0;
        for (String key : sessions.keySet()) {
            boolean[] gone = {false};
            sessions.computeIfPresent(key, (k, current) -> {
                gone[0] = matches.test(current);
                return gone[0] ? null : current;
            });
            if (gone[0]) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public String toString() {
        return "MemoryEngine[" + sessions.size() + " sessions]";
    }
}
