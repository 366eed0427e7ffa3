package dev.cloakroom.testkit;

import dev.cloakroom.ClientSideEngine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a client-side engine and counts the cookies it verifies and signs: are sessions lazy. */
public final class CountingCookieEngine implements ClientSideEngine {

    private final ClientSideEngine delegate;
    /** Calls to read: cookies verified. */
    public final AtomicInteger reads = new AtomicInteger();
    /** Calls to write: cookies signed. */
    public final AtomicInteger writes = new AtomicInteger();

    private CountingCookieEngine(ClientSideEngine delegate) {
        this.delegate = delegate;
    }

    /** Wraps {@code delegate}. */
    public static CountingCookieEngine wrap(ClientSideEngine delegate) {
        return new CountingCookieEngine(delegate);
    }

    @Override
    public Optional<CookieSession> read(String cookieValue) {
        reads.incrementAndGet();
        return delegate.read(cookieValue);
    }

    @Override
    public String write(Map<String, Object> data) {
        writes.incrementAndGet();
        return delegate.write(data);
    }
}
