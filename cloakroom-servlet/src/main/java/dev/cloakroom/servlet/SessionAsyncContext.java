package dev.cloakroom.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An async context whose {@link #complete()} finishes the session first: the container commits the response
 * inside {@code complete()}, and its listeners' {@code onComplete} runs only after the headers are gone.
 */
final class SessionAsyncContext implements AsyncContext {

    private final AsyncContext delegate;
    private final RequestState state;
    private final HttpServletResponse response;

    SessionAsyncContext(AsyncContext delegate, RequestState state, HttpServletResponse response) {
        this.delegate = delegate;
        this.state = state;
        this.response = response;
    }

    boolean wraps(AsyncContext context) {
        return delegate == context;
    }

    /** Saves as a last resort when the request completed without passing through {@link #complete()}. */
    AsyncListener listener() {
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                state.asyncCompleted();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // The container dispatches to an error page or completes; either path finishes the session.
            }

            @Override
            public void onError(AsyncEvent event) {
                // As for a timeout.
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                event.getAsyncContext().addListener(this); // listeners are dropped when async restarts
            }
        };
    }

    @Override
    public void complete() {
        if (!response.isCommitted()) {
            state.beforeCommit(response.getStatus());
        }
        delegate.complete();
    }

    @Override
    public ServletRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
        delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        delegate.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
        delegate.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        delegate.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        delegate.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return delegate.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        delegate.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return delegate.getTimeout();
    }
}
