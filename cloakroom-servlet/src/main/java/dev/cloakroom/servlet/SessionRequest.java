package dev.cloakroom.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The request the application sees: its servlet session methods are backed by the Cloakroom session, so
 * the container never creates one of its own, and async requests finish the session when they complete.
 */
final class SessionRequest extends HttpServletRequestWrapper {

    private final RequestState state;
    private final HttpServletResponse response;

    SessionRequest(HttpServletRequest request, RequestState state, HttpServletResponse response) {
        super(request);
        this.state = state;
        this.response = response;
    }

    @Override
    public @Nullable HttpSession getSession(boolean create) {
        return state.httpSession(create);
    }

    @Override
    public HttpSession getSession() {
        HttpSession session = state.httpSession(true);
        if (session == null) {
            throw new IllegalStateException("getSession(true) returned no session"); // cannot happen
        }
        return session;
    }

    /** Gives the session a new key, keeping its data: {@code Session.cycleKey()}. */
    @Override
    public String changeSessionId() {
        if (state.httpSession(false) == null) {
            throw new IllegalStateException(
                    "There is no session to change the id of: call getSession() first");
        }
        state.session().cycleKey();
        String key = state.session().key();
        if (key == null) {
            throw new IllegalStateException("The session has no id after cycleKey()");
        }
        return key;
    }

    @Override
    public @Nullable String getRequestedSessionId() {
        return state.requestedSessionId();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return state.requestedSessionIdValid();
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return state.keyInCookie() && state.requestedSessionId() != null;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public AsyncContext startAsync() {
        return state.asyncStarted(getRequest().startAsync(this, response));
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse servletResponse) {
        return state.asyncStarted(getRequest().startAsync(request, servletResponse));
    }

    @Override
    public AsyncContext getAsyncContext() {
        return state.asyncContext(getRequest().getAsyncContext());
    }
}
