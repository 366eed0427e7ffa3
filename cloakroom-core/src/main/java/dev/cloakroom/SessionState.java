package dev.cloakroom;

import dev.cloakroom.internal.SecurityLog;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The per-request state of one {@link Session}, shared by the session and its {@link SessionStorage}: a
 * plain holder, so that the storage strategy can update what a load or save changed. Not thread-safe.
 */
final class SessionState {

    /** The changes this request made, replayed on fresher data after a conflicting save. */
    final Journal journal = new Journal();
    /** The session key, or {@code null} if it has none (yet, or any more). */
    @Nullable String key;
    /**
     * Whether {@link #key} was generated in this request and nothing is stored under it yet: the next save
     * creates its record, refusing a key that is taken (Django's {@code must_create}).
     */
    boolean unstored;
    /**
     * The key {@link Session#cycleKeyAtSave()} retired, until the save that creates the new record reports
     * the change to the listeners; {@code null} otherwise.
     */
    @Nullable String cycledFrom;
    /** The data, once loaded or cleared; {@code null} before the first access. */
    @Nullable Map<String, Object> cache;
    /** What a server-side load or save last saw in storage: the version a compare-and-set compares. */
    @Nullable StoredSession loaded;
    /** When the loaded session expires, as stored; what a throttled touch compares against. */
    @Nullable Instant storedExpiresAt;
    boolean accessed;
    /** Whether the data was changed in this request; never reset. */
    boolean modified;
    /** Whether the values are exactly the stored ones: saved in this request, not changed since. */
    boolean saved;
    /** The storage failure that ended this session's load, rethrown by every later access. */
    @Nullable SessionStorageException loadFailure;
    /** The user a login in this request vouched for ({@link Session#setVerifiedUser}). */
    @Nullable String verifiedUser;
    /** The last {@code _session_expiry} read, and what it meant: so an unusable one is logged once. */
    private @Nullable StoredExpiry expiryRead;
    private @Nullable Object expiryValue;

    /** Marks the data changed and no longer what is stored. */
    void changed() {
        modified = true;
        saved = false;
    }

    /** Records a successful save or create of {@code stored}. */
    void stored(StoredSession stored) {
        key = stored.key();
        unstored = false;
        loaded = stored;
        journal.clear();
        saved = true;
    }

    /** Throws the failure of this session's load again, if it failed, without asking the storage. */
    void throwIfLoadFailed() {
        SessionStorageException failure = loadFailure;
        if (failure != null) {
            throw new SessionStorageException(String.valueOf(failure.getMessage()), failure);
        }
    }

    /**
     * The meaning of {@code data}'s per-session expiry, read again only when that entry changed: an
     * unusable one is logged once on the security log and then reads as the default.
     */
    StoredExpiry expiry(Map<String, Object> data, Instant now) {
        Object value = StoredExpiry.entryOf(data);
        StoredExpiry read = expiryRead;
        if (read == null || value != expiryValue) {
            read = StoredExpiry.read(value, now);
            String problem = read.problem();
            if (problem != null) {
                SecurityLog.suspicious(problem);
            }
            expiryRead = read;
            expiryValue = value;
        }
        return read;
    }
}
