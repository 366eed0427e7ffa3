package dev.cloakroom.internal;

import dev.cloakroom.SessionListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several {@link SessionListener}s as one: calls each in turn, and logs and swallows what one throws, so
 * that a listener never fails a request nor silences the others. Thread-safe; immutable.
 */
public final class Listeners implements SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionListener.class);
    private static final Listeners NONE = new Listeners(List.of());

    private final SessionListener[] listeners;

    private Listeners(List<SessionListener> listeners) {
        this.listeners = listeners.toArray(new SessionListener[0]);
    }

    /** The listeners {@code listeners} as one. */
    public static Listeners of(List<SessionListener> listeners) {
        return listeners.isEmpty() ? NONE : new Listeners(listeners);
    }

    /** Whether there is no listener, so callers can skip work done only for listeners. */
    public boolean isEmpty() {
        return listeners.length == 0;
    }

    // Without listeners no lambda is made: the usual case costs a length check.
    private void each(String event, Consumer<SessionListener> call) {
        for (SessionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("The session listener {} failed on '{}'; the request goes on", listener, event, e);
            }
        }
    }

    @Override
    public void created(String key) {
        if (listeners.length != 0) {
            each("created", l -> l.created(key));
        }
    }

    @Override
    public void keyCycled(String oldKey, String newKey) {
        if (listeners.length != 0) {
            each("keyCycled", l -> l.keyCycled(oldKey, newKey));
        }
    }

    @Override
    public void flushed(String key) {
        if (listeners.length != 0) {
            each("flushed", l -> l.flushed(key));
        }
    }

    @Override
    public void revoked(String userId, int count) {
        if (listeners.length != 0) {
            each("revoked", l -> l.revoked(userId, count));
        }
    }

    @Override
    public void expired(String key) {
        if (listeners.length != 0) {
            each("expired", l -> l.expired(key));
        }
    }

    @Override
    public void rejected(Rejection reason) {
        if (listeners.length != 0) {
            each("rejected", l -> l.rejected(reason));
        }
    }

    @Override
    public void saveConflicted(String key, int attempt) {
        if (listeners.length != 0) {
            each("saveConflicted", l -> l.saveConflicted(key, attempt));
        }
    }

    @Override
    public void saveInterrupted(String key) {
        if (listeners.length != 0) {
            each("saveInterrupted", l -> l.saveInterrupted(key));
        }
    }

    @Override
    public void cacheFailed(String operation) {
        if (listeners.length != 0) {
            each("cacheFailed", l -> l.cacheFailed(operation));
        }
    }

    @Override
    public String toString() {
        return "Listeners" + List.of(listeners);
    }
}
