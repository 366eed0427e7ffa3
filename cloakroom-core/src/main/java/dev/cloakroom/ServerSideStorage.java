package dev.cloakroom;

import dev.cloakroom.SessionListener.Rejection;
import dev.cloakroom.internal.Listeners;
import dev.cloakroom.internal.SessionKeys;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session stored on the server ({@link ServerSideEngine}) under a random key: created with a fresh key,
 * saved compare-and-set with reload and replay on conflict, deleted by key.
 */
final class ServerSideStorage implements SessionStorage {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final int MAX_CREATE_ATTEMPTS = 100;

    private final ServerSideEngine engine;
    private final SessionSettings settings;
    private final Listeners events;

    ServerSideStorage(ServerSideEngine engine, SessionSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.events = settings.events();
    }

    @Override
    public SessionEngine engine() {
        return engine;
    }

    @Override
    public boolean isStoredOnServer() {
        return true;
    }

    @Override
    public boolean isUsableKey(@Nullable String candidate) {
        return SessionKeys.isValid(candidate);
    }

    @Override
    public Map<String, Object> load(SessionState state, String key) {
        Optional<StoredSession> stored = engine.load(key);
        if (stored.isEmpty()) {
            state.key = null;
            events.expired(key);
            return new LinkedHashMap<>();
        }
        Map<String, Object> data = settings.codec().decodeOrNull(stored.get().data());
        if (data == null) {
            events.rejected(Rejection.CORRUPT_DATA);
            data = new LinkedHashMap<>();
        }
        if (ExpiryPolicy.outlived(settings, data, settings.clock().instant())) {
            LOG.debug("Session …{} outlived its absolute lifetime", SessionKeys.suffix(key));
            state.key = null;
            events.expired(key);
            return new LinkedHashMap<>();
        }
        state.loaded = stored.get();
        state.storedExpiresAt = stored.get().expiresAt();
        return data;
    }

    @Override
    public void save(SessionState state, Supplier<Map<String, Object>> loadData) {
        state.throwIfLoadFailed();
        if (state.key == null || state.unstored) {
            String cycledFrom = state.cycledFrom;
            state.cycledFrom = null;
            String created = create(state);
            if (cycledFrom != null) {
                events.keyCycled(cycledFrom, created);
            } else {
                events.created(created);
            }
            return;
        }
        Map<String, Object> data = loadData.get();
        String current = state.key;
        if (current == null) {
            // Loading found no record: Django's forced update fails here too.
            throw new SessionInterruptedException();
        }
        long started = System.nanoTime();
        long deadline = started + settings.saveRetryTimeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            StoredSession next = toStored(state, current, data);
            switch (engine.save(state.loaded, next)) {
                case SAVED:
                    state.stored(next);
                    if (attempt > 1) {
                        LOG.debug("Saved session …{} after {} attempts in {} ms", SessionKeys.suffix(current),
                                attempt, (System.nanoTime() - started) / 1_000_000);
                    }
                    return;
                case GONE:
                    events.saveInterrupted(current);
                    throw new SessionInterruptedException();
                case CONFLICT:
                default:
                    if (attempt >= settings.maxSaveAttempts() || System.nanoTime() - deadline >= 0) {
                        throw new SessionException("Could not save session …" + SessionKeys.suffix(current)
                                + " in " + attempt + " attempts over "
                                + (System.nanoTime() - started) / 1_000_000
                                + " ms: other requests kept changing it at the same time");
                    }
                    events.saveConflicted(current, attempt);
                    SaveBackoff.pause(attempt, deadline);
                    StoredSession fresh = engine.load(current).orElse(null);
                    if (fresh == null) {
                        events.saveInterrupted(current);
                        throw new SessionInterruptedException();
                    }
                    state.loaded = fresh;
                    data = state.journal.replay(settings.codec().decode(fresh.data()), data);
                    state.cache = data;
            }
        }
    }

    /** Creates the data under a new key, then deletes the old record. */
    @Override
    public void cycleKey(SessionState state, Map<String, Object> data) {
        // After cycleKeyAtSave the old record is already gone and the key is a reserved, unstored one.
        boolean oldStored = !state.unstored;
        String oldKey = oldStored ? state.key : state.cycledFrom;
        state.cycledFrom = null;
        String newKey = create(state);
        state.cache = data;
        if (oldKey == null) {
            events.created(newKey);
            return;
        }
        if (oldStored) {
            engine.delete(oldKey);
        }
        events.keyCycled(oldKey, newKey);
    }

    /**
     * Deletes the old record now and gives the session a fresh key whose record the next save creates:
     * one write for the new record instead of a create now and a save later.
     */
    @Override
    public void cycleKeyAtSave(SessionState state, Map<String, Object> data) {
        String oldKey = state.key;
        if (oldKey != null && !state.unstored) {
            engine.delete(oldKey);
            state.cycledFrom = oldKey;
        }
        state.cache = data;
        state.accessed = true;
        state.changed();
        state.key = SessionKeys.generate();
        state.unstored = true;
    }

    @Override
    public void delete(SessionState state) {
        state.throwIfLoadFailed();
        if (state.unstored) {
            // Nothing is stored under the key yet; a later save finds no record, as after any delete.
            state.unstored = false;
            state.saved = false;
            state.cycledFrom = null;
            return;
        }
        if (state.key != null) {
            state.saved = false; // nothing stored any more
            engine.delete(state.key);
        }
    }

    @Override
    public void deleteOther(String otherKey) {
        if (SessionKeys.isValid(otherKey)) {
            engine.delete(otherKey);
        }
    }

    @Override
    public boolean exists(String key) {
        return SessionKeys.isValid(key) && engine.exists(key);
    }

    /** Stores the data under a new key and returns the key. */
    private String create(SessionState state) {
        Map<String, Object> data = state.cache != null ? state.cache : new LinkedHashMap<>();
        state.cache = data;
        state.accessed = true;
        String reserved = state.unstored ? state.key : null;
        for (int attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
            String candidateKey = attempt == 0 && reserved != null ? reserved : SessionKeys.generate();
            StoredSession candidate = toStored(state, candidateKey, data);
            if (engine.create(candidate)) {
                state.stored(candidate);
                state.modified = true;
                return candidateKey;
            }
        }
        throw new SessionException("Could not find a free session key in " + MAX_CREATE_ATTEMPTS
                + " attempts; the engine keeps reporting keys as taken");
    }

    private StoredSession toStored(SessionState state, String storeKey, Map<String, Object> data) {
        Instant now = settings.clock().instant();
        ExpiryPolicy.stampCreated(settings, data, now);
        Instant expiresAt = ExpiryPolicy.expiresAt(settings, data, now,
                state.expiry(data, now).date(now, settings.cookieAge()));
        return new StoredSession(storeKey, settings.codec().encode(data), expiresAt,
                indexedUser(state, data));
    }

    /**
     * The user this save files the session under ({@link StoredSession#userId()}): the id the data names
     * under {@code userIdKey}, but only if a login vouches for it, either in this request
     * ({@link Session#setVerifiedUser}) or in an earlier one (the stored record was already filed under it).
     * Data alone never files a session under a user, so nobody can plant a session in another user's list
     * by storing their id.
     */
    private @Nullable String indexedUser(SessionState state, Map<String, Object> data) {
        Object value = data.get(settings.userIdKey());
        String claimed = value instanceof String s && !s.isEmpty() ? s
                : value instanceof Integer || value instanceof Long || value instanceof BigInteger
                ? value.toString() : null;
        if (claimed == null) {
            return null;
        }
        if (claimed.equals(state.verifiedUser)) {
            return claimed;
        }
        StoredSession previous = state.loaded;
        return previous != null && claimed.equals(previous.userId()) ? claimed : null;
    }

    @Override
    public String toString() {
        return "ServerSideStorage[" + engine + "]";
    }
}
