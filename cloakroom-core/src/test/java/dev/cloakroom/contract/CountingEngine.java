package dev.cloakroom.contract;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
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
    /** Calls to create, save and delete. */
    public final AtomicInteger writes = new AtomicInteger();

    CountingEngine(ServerSideEngine delegate) {
        this.delegate = delegate;
    }

    /** Wraps {@code delegate}. */
    public static CountingEngine wrap(ServerSideEngine delegate) {
        return new CountingEngine(delegate);
    }

    /**
     * Wraps {@code engine} if it stores on the server; a client-side engine is returned as it is, since
     * reading a cookie is no storage access and there is nothing to count.
     */
    public static SessionEngine wrapAny(SessionEngine engine) {
        return engine instanceof ServerSideEngine server ? new CountingEngine(server) : engine;
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
    public int clearExpired() {
        return delegate.clearExpired();
    }
}
