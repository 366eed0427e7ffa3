package dev.cloakroom.testkit;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.StoredSession;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An engine that forwards every call to another one: tests extend it and override only the calls they
 * script, fail or watch.
 */
public class ForwardingEngine implements ServerSideEngine {

    private final ServerSideEngine delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingEngine(ServerSideEngine delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The engine every call goes to, for a test to look behind the forwarding one. */
    public ServerSideEngine delegate() {
        return delegate;
    }

    @Override
    public Optional<StoredSession> load(String key) {
        return delegate.load(key);
    }

    @Override
    public boolean create(StoredSession session) {
        return delegate.create(session);
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        return delegate.save(loaded, next);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public boolean exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public String storedKey(String sessionKey) {
        return delegate.storedKey(sessionKey);
    }

    @Override
    public boolean deleteStored(String storedKey) {
        return delegate.deleteStored(storedKey);
    }

    @Override
    public int clearExpired() {
        return delegate.clearExpired();
    }
}
