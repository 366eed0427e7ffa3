package dev.cloakroom.servlet;

import java.util.concurrent.atomic.AtomicBoolean;

/** Warnings a filter logs once, not once per request: each says how to fix the application. */
final class FilterWarnings {

    private final AtomicBoolean lateCookie = new AtomicBoolean();
    private final AtomicBoolean changedAfterCommit = new AtomicBoolean();

    /** Returns true the first time only. */
    boolean lateCookie() {
        return lateCookie.compareAndSet(false, true);
    }

    /** Returns true the first time only. */
    boolean changedAfterCommit() {
        return changedAfterCommit.compareAndSet(false, true);
    }
}
