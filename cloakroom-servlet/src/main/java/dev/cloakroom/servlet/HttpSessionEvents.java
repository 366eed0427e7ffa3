package dev.cloakroom.servlet;

import dev.cloakroom.SessionListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EventListener;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SessionListener} that tells servlet session listeners what happens to the Cloakroom session of a
 * request, passing the request's {@link HttpSession} view ({@code request.getSession()}):
 * <ul>
 *   <li>a new session stored: {@link HttpSessionListener#sessionCreated};</li>
 *   <li>a session flushed ({@code invalidate()}, a logout): {@link HttpSessionListener#sessionDestroyed};
 *       </li>
 *   <li>a new key ({@code changeSessionId()}, a login): {@link HttpSessionIdListener#sessionIdChanged}
 *       with the old key.</li>
 * </ul>
 * Register it with the settings the {@link SessionFilter} is made with:
 * {@code SessionSettings.builder().listener(new HttpSessionEvents(List.of(myListener)))}. The container's own
 * session events never fire (its sessions are never created), and the container offers no way to enumerate
 * the listeners registered in the {@code ServletContext}, so give them here.
 *
 * <p>As every session listener, these are called after the fact, on the request's thread: in
 * {@code sessionDestroyed} the session's data is already gone. Events that happen outside a request the
 * filter is handling (an application thread of its own, {@code cloakroom revoke}) and those servlet
 * listeners have no method for (expiry found on read, rejected cookies, revocation of other sessions) are not
 * forwarded. A servlet listener that throws is logged and swallowed like any session listener.
 * Thread-safe.
 */
public final class HttpSessionEvents implements SessionListener {

    private final List<HttpSessionListener> lifecycle = new ArrayList<>();
    private final List<HttpSessionIdListener> ids = new ArrayList<>();

    /**
     * Forwards events to {@code listeners}, in order; each is an {@link HttpSessionListener}, an
     * {@link HttpSessionIdListener}, or both.
     *
     * @throws IllegalArgumentException if one is neither
     */
    public HttpSessionEvents(Collection<? extends EventListener> listeners) {
        for (EventListener listener : listeners) {
            Objects.requireNonNull(listener, "listener");
            if (!(listener instanceof HttpSessionListener) && !(listener instanceof HttpSessionIdListener)) {
                throw new IllegalArgumentException(listener + " is neither an HttpSessionListener nor an "
                        + "HttpSessionIdListener");
            }
            if (listener instanceof HttpSessionListener l) {
                lifecycle.add(l);
            }
            if (listener instanceof HttpSessionIdListener l) {
                ids.add(l);
            }
        }
    }

    private static @Nullable HttpSessionEvent eventOrNull() {
        RequestState state = CurrentRequest.get();
        if (state == null) {
            return null;
        }
        HttpSession session = state.httpSession(true);
        return session == null ? null : new HttpSessionEvent(session);
    }

    @Override
    public void created(String key) {
        HttpSessionEvent event = lifecycle.isEmpty() ? null : eventOrNull();
        if (event != null) {
            for (HttpSessionListener listener : lifecycle) {
                listener.sessionCreated(event);
            }
        }
    }

    @Override
    public void flushed(String key) {
        HttpSessionEvent event = lifecycle.isEmpty() ? null : eventOrNull();
        if (event != null) {
            for (HttpSessionListener listener : lifecycle) {
                listener.sessionDestroyed(event);
            }
        }
    }

    @Override
    public void keyCycled(String oldKey, String newKey) {
        HttpSessionEvent event = ids.isEmpty() ? null : eventOrNull();
        if (event != null) {
            for (HttpSessionIdListener listener : ids) {
                listener.sessionIdChanged(event, oldKey);
            }
        }
    }

    @Override
    public String toString() {
        return "HttpSessionEvents[" + lifecycle.size() + " session listeners, " + ids.size()
                + " id listeners]";
    }
}
