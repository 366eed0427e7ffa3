package dev.cloakroom.servlet;

import org.jspecify.annotations.Nullable;

/**
 * The request whose session a thread is working on, while the filter runs the application or saves the
 * session: how {@link HttpSessionEvents} finds the {@code HttpSession} an event is about, since session
 * listeners are called on the thread of the request, after the fact.
 */
final class CurrentRequest {

    private static final ThreadLocal<@Nullable RequestState> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {
    }

    /** Makes {@code state} the current request and returns the one it replaces, for {@link #exit}. */
    static @Nullable RequestState enter(RequestState state) {
        RequestState previous = CURRENT.get();
        CURRENT.set(state);
        return previous;
    }

    /** Restores the current request {@link #enter} replaced. */
    static void exit(@Nullable RequestState previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The current request, or {@code null} outside the filter. */
    static @Nullable RequestState get() {
        return CURRENT.get();
    }
}
