package dev.cloakroom.testkit;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.StoredSession;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Wraps an engine and counts its storage reads and writes, to check that sessions are lazy and frugal.
 */
public class CountingEngine implements ServerSideEngine {

    private final ServerSideEngine delegate;
    /** Calls to load and exists. */
    public final AtomicInteger reads = new AtomicInteger();
    /** Calls to create, save, delete and deleteStored. */
    public final AtomicInteger writes = new AtomicInteger();

    CountingEngine(ServerSideEngine delegate) {
        this.delegate = delegate;
    }

    /** Wraps {@code delegate}. */
    public static CountingEngine wrap(ServerSideEngine delegate) {
        return new CountingEngine(delegate);
    }

    @Override
    public Optional<StoredSession> load(String key) {
        reads.incrementAndGet();
        return delegate.load(key);
    }

    @Override
    public boolean create(StoredSession session) {
        writes.incrementAndGet();
        return delegate.create(session);
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        writes.incrementAndGet();
        return delegate.save(loaded, next);
    }

    @Override
    public void delete(String key) {
        writes.incrementAndGet();
        delegate.delete(key);
    }

    @Override
    public boolean exists(String key) {
        reads.incrementAndGet();
        return delegate.exists(key);
    }

    @Override
    public String storedKey(String sessionKey) {
        return delegate.storedKey(sessionKey);
    }

    @Override
    public boolean deleteStored(String storedKey) {
        writes.incrementAndGet();
        return delegate.deleteStored(storedKey);
    }

    @Override
    public int clearExpired() {
        return delegate.clearExpired();
    }
}
