package dev.cloakroom.testkit;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.StoredSession;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An engine that fails on demand, like a database or Redis that was stopped: while a failure is set, every
 * storage call throws it; otherwise calls go to the engine it wraps. Counts the calls that reach it.
 */
public final class FailingEngine extends ForwardingEngine {

    /** Storage calls that reached this engine, failed or not. */
    public final AtomicInteger calls = new AtomicInteger();
    /** Storage calls that failed. */
    public final AtomicInteger failures = new AtomicInteger();
    private volatile @Nullable Supplier<? extends RuntimeException> failure;

    /** Forwards to {@code delegate} until {@link #failWith} is called. */
    public FailingEngine(ServerSideEngine delegate) {
        super(delegate);
    }

    /** From now on, every storage call throws what {@code failure} makes. */
    public void failWith(Supplier<? extends RuntimeException> failure) {
        this.failure = failure;
    }

    /** From now on, calls go to the wrapped engine again. */
    public void recover() {
        this.failure = null;
    }

    private void check() {
        calls.incrementAndGet();
        Supplier<? extends RuntimeException> f = failure;
        if (f != null) {
            failures.incrementAndGet();
            throw f.get();
        }
    }

    @Override
    public Optional<StoredSession> load(String key) {
        check();
        return super.load(key);
    }

    @Override
    public boolean create(StoredSession session) {
        check();
        return super.create(session);
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        check();
        return super.save(loaded, next);
    }

    @Override
    public void delete(String key) {
        check();
        super.delete(key);
    }

    @Override
    public boolean exists(String key) {
        check();
        return super.exists(key);
    }

    @Override
    public int clearExpired() {
        check();
        return super.clearExpired();
    }

    @Override
    public String toString() {
        return "FailingEngine(" + delegate() + ")";
    }
}
