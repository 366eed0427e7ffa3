package dev.cloakroom.micrometer;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionException;
import dev.cloakroom.SessionListing;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.micrometer.EngineMeters.Operation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A server-side engine that times and counts every call to the engine it wraps, and answers exactly as that
 * engine does. It has the wrapped engine's capabilities: {@link #wrap} picks the subclass that implements
 * {@link UserSessionIndex} and {@link SessionListing} when the wrapped engine does, so code asking
 * {@code engine instanceof UserSessionIndex} sees no difference. Thread-safe when the wrapped engine is.
 */
class InstrumentedEngine implements ServerSideEngine, AutoCloseable {

    final ServerSideEngine delegate;
    final EngineMeters meters;

    InstrumentedEngine(ServerSideEngine delegate, EngineMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    /** {@code delegate} instrumented, with the same capabilities. */
    static InstrumentedEngine wrap(ServerSideEngine delegate, EngineMeters meters) {
        boolean listed = delegate instanceof SessionListing;
        if (delegate instanceof UserSessionIndex) {
            return listed ? new InstrumentedCapabilities.IndexedListed(delegate, meters)
                    : new InstrumentedCapabilities.Indexed(delegate, meters);
        }
        return listed ? new InstrumentedCapabilities.Listed(delegate, meters)
                : new InstrumentedEngine(delegate, meters);
    }

    @Override
    public Optional<StoredSession> load(String key) {
        Optional<StoredSession> found;
        try {
            found = meters.time(Operation.LOAD, () -> delegate.load(key));
        } catch (RuntimeException e) {
            meters.loadError.increment();
            throw e;
        }
        (found.isPresent() ? meters.loadHit : meters.loadMiss).increment();
        return found;
    }

    @Override
    public boolean create(StoredSession session) {
        boolean created;
        try {
            created = meters.time(Operation.CREATE, () -> delegate.create(session));
        } catch (RuntimeException e) {
            meters.createError.increment();
            throw e;
        }
        if (created) {
            meters.createSuccess.increment();
            meters.size.record(session.data().length());
        } else {
            meters.createTaken.increment();
        }
        return created;
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        SaveResult result;
        try {
            result = meters.time(Operation.SAVE, () -> delegate.save(loaded, next));
        } catch (RuntimeException e) {
            meters.saveError.increment();
            throw e;
        }
        switch (result) {
            case SAVED:
                meters.saveSuccess.increment();
                meters.size.record(next.data().length());
                break;
            case CONFLICT:
                meters.saveConflict.increment();
                break;
            case GONE:
            default:
                meters.saveGone.increment();
        }
        return result;
    }

    @Override
    public void delete(String key) {
        try {
            meters.run(Operation.DELETE, () -> delegate.delete(key));
        } catch (RuntimeException e) {
            meters.deleteError.increment();
            throw e;
        }
        meters.deleteSuccess.increment();
    }

    @Override
    public String storedKey(String sessionKey) {
        return delegate.storedKey(sessionKey);
    }

    @Override
    public boolean deleteStored(String storedKey) {
        boolean deleted;
        try {
            deleted = meters.time(Operation.DELETE, () -> delegate.deleteStored(storedKey));
        } catch (RuntimeException e) {
            meters.deleteError.increment();
            throw e;
        }
        meters.deleteSuccess.increment();
        return deleted;
    }

    @Override
    public boolean exists(String key) {
        return meters.time(Operation.EXISTS, () -> delegate.exists(key));
    }

    @Override
    public int clearExpired() {
        return meters.time(Operation.CLEAR_EXPIRED, delegate::clearExpired);
    }

    /** Closes the wrapped engine if it is {@link AutoCloseable}. */
    @Override
    public void close() {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SessionException("Could not close " + delegate + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "Instrumented[" + delegate + "]";
    }
}
