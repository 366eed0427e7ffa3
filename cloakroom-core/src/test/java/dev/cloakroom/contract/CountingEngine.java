package dev.cloakroom.contract;

import dev.cloakroom.ClientSideEngine;
import dev.cloakroom.SaveResult;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.StoredSession;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Wraps an engine and counts its storage reads and writes, to check that sessions are lazy and frugal.
 * A client-side engine stays client-side when wrapped (reading a cookie is not a storage access).
 */
public class CountingEngine implements SessionEngine {

    private final SessionEngine delegate;
    /** Calls to load and exists. */
    public final AtomicInteger reads = new AtomicInteger();
    /** Calls to create, save and delete. */
    public final AtomicInteger writes = new AtomicInteger();

    CountingEngine(SessionEngine delegate) {
        this.delegate = delegate;
    }

    /** Wraps {@code delegate}. */
    public static CountingEngine wrap(SessionEngine delegate) {
        return delegate instanceof ClientSideEngine c ? new ClientSide(c) : new CountingEngine(delegate);
    }

    private static final class ClientSide extends CountingEngine implements ClientSideEngine {
        private final ClientSideEngine cookies;

        ClientSide(ClientSideEngine cookies) {
            super(cookies);
            this.cookies = cookies;
        }

        @Override
        public Optional<CookieSession> read(String cookieValue) {
            return cookies.read(cookieValue);
        }

        @Override
        public String write(Map<String, Object> data) {
            return cookies.write(data);
        }
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
