package dev.cloakroom.servlet;

import dev.cloakroom.Session;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;

/**
 * The servlet view of a Cloakroom {@link Session}, for code written against {@link HttpSession}. See
 * {@link SessionFilter} for how each method maps onto Django's semantics.
 */
final class CloakroomHttpSession implements HttpSession {

    private final RequestState state;
    private final Session session;
    private final ServletContext context;
    private boolean invalidated;
    private @Nullable String idWhenInvalidated;

    CloakroomHttpSession(RequestState state, ServletContext context) {
        this.state = state;
        this.session = state.session();
        this.context = context;
    }

    boolean isInvalidated() {
        return invalidated;
    }

    private void checkValid(String method) {
        if (invalidated) {
            throw new IllegalStateException(method + ": the session was invalidated");
        }
    }

    /** No creation time is stored (Django keeps none): the time the current request began. */
    @Override
    public long getCreationTime() {
        checkValid("getCreationTime");
        return state.started().toEpochMilli();
    }

    /** The session key; a session without one yet is saved now to get one. */
    @Override
    public String getId() {
        if (invalidated) {
            return idWhenInvalidated == null ? "" : idWhenInvalidated;
        }
        String key = session.key();
        if (key == null) {
            session.save();
            key = session.key();
        }
        if (key == null) {
            throw new IllegalStateException("The session has no key after save()");
        }
        return key;
    }

    /** The time the current request began: this request is the latest one of the session. */
    @Override
    public long getLastAccessedTime() {
        checkValid("getLastAccessedTime");
        return state.started().toEpochMilli();
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    /** A positive interval is {@code setExpiry(seconds)}; zero or less goes back to the default lifetime. */
    @Override
    public void setMaxInactiveInterval(int interval) {
        checkValid("setMaxInactiveInterval");
        if (interval > 0) {
            session.setExpiry(interval);
        } else {
            session.setExpiry((Duration) null);
        }
    }

    @Override
    public int getMaxInactiveInterval() {
        checkValid("getMaxInactiveInterval");
        long age = session.getExpiryAge();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, age));
    }

    /** The stored JSON value: a String, Boolean, Integer, Long, BigInteger, Double, List, Map or null. */
    @Override
    public @Nullable Object getAttribute(String name) {
        checkValid("getAttribute");
        return session.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid("getAttributeNames");
        return Collections.enumeration(new ArrayList<>(session.keys()));
    }

    /**
     * Stores {@code value} as JSON ({@code null} removes the attribute).
     *
     * @throws IllegalArgumentException if it cannot be JSON, naming the attribute
     */
    @Override
    public void setAttribute(String name, @Nullable Object value) {
        checkValid("setAttribute");
        if (value == null) {
            session.remove(name);
        } else {
            session.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        checkValid("removeAttribute");
        session.remove(name);
    }

    /** {@code Session.flush()}: data cleared, stored session deleted, cookie deleted at the end. */
    @Override
    public void invalidate() {
        checkValid("invalidate");
        idWhenInvalidated = session.key();
        session.flush();
        invalidated = true;
    }

    /** True unless the client's cookie named this session when the request arrived. */
    @Override
    public boolean isNew() {
        checkValid("isNew");
        return !state.requestedSessionIdValid();
    }

    @Override
    public String toString() {
        return "CloakroomHttpSession[" + session + (invalidated ? ", invalidated" : "") + "]";
    }
}
