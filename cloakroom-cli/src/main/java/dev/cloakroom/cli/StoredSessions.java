package dev.cloakroom.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Read access to an engine's storage beyond the {@code SessionEngine} SPI, for {@code inspect}, {@code list}
 * and {@code stats}: expired records too, scans, sizes. Implemented for the {@code db} table and the
 * {@code file} directory.
 */
interface StoredSessions extends AutoCloseable {

    /** One stored session. {@code userId} is the user column's value, when the storage has one. */
    record Row(String key, String data, Instant expiresAt, @Nullable String userId) {
        boolean isLiveAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    /** Counts and sizes (of the encoded {@code session_data}). */
    record Stats(long live, long expired, long totalBytes, long largestBytes) {
    }

    /** Where the sessions are, for messages: {@code table django_session on SQLite file ./x}. */
    String description();

    /** The record for {@code key}, expired or not. */
    Optional<Row> find(String key);

    /** Live records, soonest expiry first, at most {@code limit}, or all with {@code limit} 0. */
    List<Row> live(Instant now, int limit);

    /** The live records of {@code userId} through an index, or empty if the storage has no user index. */
    Optional<List<Row>> liveOfUser(String userId, Instant now, int limit);

    Stats stats(Instant now);

    @Override
    void close();
}
