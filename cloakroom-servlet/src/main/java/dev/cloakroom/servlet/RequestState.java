package dev.cloakroom.servlet;

import dev.cloakroom.Session;
import dev.cloakroom.SessionException;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.middleware.SessionMiddleware;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's session and the promise to finish it exactly once.
 *
 * <p>Design note: the middleware's response phase must run before the response commits, because it writes
 * {@code Set-Cookie} and {@code Vary}. It runs at whichever comes first: the response wrappers see a commit
 * coming ({@link CommitAwareResponse}), an async request completes ({@link SessionAsyncContext}), or a
 * REQUEST, ASYNC or ERROR dispatch of the filter ends without async processing pending. An
 * {@link AtomicBoolean} makes it run once, so error dispatches, includes and async dispatches never save
 * twice. If none of these caught the commit (the application wrote to the container's response behind the
 * wrappers), the session is still saved when the request ends, and a WARN says the cookie could not be
 * written. The actions of {@link Sessions#beforeSave} run inside that once-only step, just before the
 * middleware, so they share every one of these triggers.
 */
final class RequestState {

    /** The request attribute holding this state. */
    static final String ATTRIBUTE = RequestState.class.getName();
    /** What a client is told when its session could not be saved, unless a concurrent logout is why. */
    static final String SAVE_FAILED = "The session could not be saved.";
    /** What a client is told, with 503, when the session storage failed: nothing about the storage itself. */
    static final String STORAGE_UNAVAILABLE = "The session storage is unavailable; try again later.";
    /** The {@code Retry-After} of a 503 for a storage failure, in seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(SessionFilter.class);
    /** How deep {@link #answerEscaped} looks into a failure's causes. */
    private static final int MAX_CAUSES = 16;

    private final SessionMiddleware middleware;
    private final Session session;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final FilterWarnings warnings;
    private final Instant started;
    private final @Nullable String requestedId;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final BeforeSaveActions beforeSave = new BeforeSaveActions();
    private volatile boolean aborted;
    private volatile boolean finishedAtCommit;
    private volatile boolean modifiedAtFinish;
    private volatile @Nullable String keyAtFinish;
    private volatile @Nullable Map<String, Object> dataAtFinish;
    private @Nullable CloakroomHttpSession httpSession;
    private @Nullable String httpSessionKey;
    private @Nullable SessionAsyncContext asyncContext;

    RequestState(SessionMiddleware middleware, HttpServletRequest request, HttpServletResponse response,
            FilterWarnings warnings) {
        this.middleware = middleware;
        this.request = request;
        this.response = response;
        this.warnings = warnings;
        this.started = middleware.settings().clock().instant();
        this.requestedId = middleware.settings().sessionHeader() == null
                ? ServletExchange.cookie(request, middleware.settings().cookieName())
                : middleware.requestedKey(exchange(0, null, false));
        this.session = middleware.open(exchange(0));
    }

    private ServletExchange exchange(int status) {
        return exchange(status, requestedId, true);
    }

    private ServletExchange exchange(int status, @Nullable String requested, boolean keyRead) {
        return new ServletExchange(request, response, status, middleware.settings(), requested, keyRead);
    }

    static @Nullable RequestState of(ServletRequest request) {
        Object state = request.getAttribute(ATTRIBUTE);
        return state instanceof RequestState s ? s : null;
    }

    Session session() {
        return session;
    }

    Instant started() {
        return started;
    }

    boolean isFinished() {
        return finished.get();
    }

    /** Whether the response was replaced by an error (400 or 500) and the application's output is dropped. */
    boolean isAborted() {
        return aborted;
    }

    // ------------------------------------------------------------------ finishing

    /** Registers an action to run once, first thing when the session is finished. */
    void beforeSave(Runnable action) {
        beforeSave.add(action);
    }

    /** The response is about to commit with {@code status}: finish now, while headers can still be set. */
    void beforeCommit(int status) {
        if (finish(status)) {
            finishedAtCommit = true;
            keyAtFinish = session.key();
            if (session.isAccessed() && !aborted) { // its data is in memory: copying it loads nothing
                dataAtFinish = copyOfData();
            }
        }
    }

    /** A dispatch of the filter ended with no async processing pending. */
    void afterDispatch(boolean failed) {
        if (failed) {
            finish(HttpServletResponse.SC_INTERNAL_SERVER_ERROR); // the container answers 500
        } else if (finished.get()) {
            warnIfChangedAfterCommit();
        } else {
            finishLateIfCommitted();
        }
    }

    /** The async request completed (the container calls this after it has sent the response). */
    void asyncCompleted() {
        if (!finished.get()) {
            finishLateIfCommitted();
        } else {
            warnIfChangedAfterCommit();
        }
    }

    private void finishLateIfCommitted() {
        if (response.isCommitted() && !finished.get() && warnings.lateCookie()) {
            LOG.warn("The response to {} {} was committed before Cloakroom could write the session cookie, "
                    + "so the session is saved but its cookie is not sent. Write through the response the "
                    + "filter passes on, complete async requests with AsyncContext.complete() or map "
                    + "SessionFilter for ASYNC dispatches. Logged once.", request.getMethod(),
                    request.getRequestURI());
        }
        finish(response.getStatus());
    }

    private boolean finish(int status) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        try {
            beforeSave.runAll();
        } catch (SessionStorageException e) {
            storageFailed(e); // an action that reads the session met the storage failure of its load
            return true;
        } catch (RuntimeException e) {
            LOG.error("A before-save action of {} {} failed, so the session is not saved: {}",
                    request.getMethod(), request.getRequestURI(), e.toString(), e);
            if (status < HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                replace(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, SAVE_FAILED);
            }
            return true;
        }
        modifiedAtFinish = session.isModified();
        RequestState previous = CurrentRequest.enter(this); // a commit may come from an application thread
        try {
            middleware.finish(exchange(status), session);
        } catch (SessionInterruptedException e) {
            LOG.debug("Session deleted by another request during {} {}: answering 400", request.getMethod(),
                    request.getRequestURI());
            replace(HttpServletResponse.SC_BAD_REQUEST, SessionInterruptedException.MESSAGE);
        } catch (SessionStorageException e) {
            storageFailed(e);
        } catch (SessionException e) {
            LOG.error("Could not save the session of {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage(), e);
            replace(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, SAVE_FAILED);
        } finally {
            CurrentRequest.exit(previous);
        }
        return true;
    }

    /**
     * The application let {@code failure} escape, and the session is finished: answers it as the filter
     * documents (503 and {@code Retry-After} for a storage failure, 400 for a session deleted meanwhile) and
     * returns true, or returns false when it is no session failure or the response is already committed.
     */
    boolean answerEscaped(Throwable failure) {
        Throwable t = failure;
        // Bounded, because a chain of causes may cycle.
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            boolean storage = t instanceof SessionStorageException;
            if (!storage && !(t instanceof SessionInterruptedException)) {
                continue;
            }
            if (aborted) {
                return true; // finishing the session met the same failure and answered it
            }
            if (response.isCommitted()) {
                return false;
            }
            if (storage) {
                storageFailed((SessionStorageException) t);
            } else {
                LOG.debug("Session deleted by another request during {} {}: answering 400",
                        request.getMethod(), request.getRequestURI());
                replace(HttpServletResponse.SC_BAD_REQUEST, SessionInterruptedException.MESSAGE);
            }
            return true;
        }
        return false;
    }

    private void storageFailed(SessionStorageException e) {
        // One line per request: an outage fails every request, and the message says which storage and why.
        LOG.error("The session storage failed during {} {}, answered 503: {}", request.getMethod(),
                request.getRequestURI(), e.getMessage());
        LOG.debug("The session storage failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        replace(HttpServletResponse.SC_SERVICE_UNAVAILABLE, STORAGE_UNAVAILABLE);
    }

    /**
     * Saves the session now if the filter would save it at the end of the request (changed, or
     * {@code saveEveryRequest}, and not empty) and it is not saved already.
     */
    void saveNow() {
        if (finished.get()) {
            throw new IllegalStateException("The session of this request was already saved (the response was "
                    + "committed or the request ended): save it before writing the response");
        }
        boolean wanted = session.isModified() || middleware.settings().saveEveryRequest();
        if (wanted && !session.isEmpty() && !session.isSaved()) {
            session.save();
        }
    }

    /** Answers {@code status} with a short text instead of the application's output, and drops the rest. */
    private void replace(int status, String message) {
        aborted = true;
        if (response.isCommitted()) {
            LOG.warn("Could not answer {} to {} {}: the response was already committed", status,
                    request.getMethod(), request.getRequestURI());
            return;
        }
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        try {
            response.reset();
            response.setStatus(status);
            if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
            response.setHeader("Cache-Control", "no-store");
            if (mayHaveUnreadBody()) {
                // Jetty closes the connection after this answer if part of the body is still on its way; say
                // so, or the client's next request on the connection fails.
                response.setHeader("Connection", "close");
            }
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(body.length);
            try {
                response.getOutputStream().write(body);
            } catch (IllegalStateException writerInUse) {
                response.getWriter().write(message);
            }
            response.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Could not answer {} to {} {}: {}", status, request.getMethod(), request.getRequestURI(),
                    e.toString());
        }
    }

    private boolean mayHaveUnreadBody() {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void warnIfChangedAfterCommit() {
        if (finishedAtCommit && !aborted && changedSinceFinish() && warnings.changedAfterCommit()) {
            LOG.warn("The session was changed during {} {} after the response was committed (flushed, or a "
                    + "body larger than the buffer), so the change was not saved. Change the session before "
                    + "writing the body. Logged once.", request.getMethod(), request.getRequestURI());
        }
    }

    private boolean changedSinceFinish() {
        Map<String, Object> before = dataAtFinish;
        if (before == null) {
            return session.isModified() && !modifiedAtFinish;
        }
        Map<String, Object> now = copyOfData();
        return now == null || !before.equals(now) || !Objects.equals(keyAtFinish, session.key());
    }

    /** The session's values, or {@code null} if they could not be loaded (a session whose load failed). */
    private @Nullable Map<String, Object> copyOfData() {
        Map<String, Object> copy = new LinkedHashMap<>();
        try {
            session.entries().forEach(e -> copy.put(e.getKey(), e.getValue()));
        } catch (SessionStorageException e) {
            return null; // remembered by the session: the storage is not asked again
        }
        return copy;
    }

    // ------------------------------------------------------------------ servlet session view

    /** Whether the key travels in the session cookie (not in a header). */
    boolean keyInCookie() {
        return middleware.settings().sessionHeader() == null;
    }

    /** The session key the client sent (in the cookie, or in the session header), or {@code null}. */
    @Nullable String requestedSessionId() {
        return requestedId;
    }

    /**
     * Whether the client's cookie names the session this request uses: the key is unchanged and the session
     * was found under it. Loads the session if it is not loaded yet.
     */
    boolean requestedSessionIdValid() {
        String requested = requestedId;
        if (requested == null || !requested.equals(session.key())) {
            return false;
        }
        session.keys(); // loads; an unknown, tampered or expired key is dropped
        return requested.equals(session.key());
    }

    /** {@code HttpServletRequest.getSession(create)}. */
    @Nullable HttpSession httpSession(boolean create) {
        CloakroomHttpSession current = httpSession;
        if (current != null && !current.isInvalidated() && !flushedUnderTheView()) {
            return current;
        }
        if (!create) {
            if (session.key() != null) {
                session.keys(); // loads, so a cookie naming no session gives null as the servlet spec says
            }
            if (session.isEmpty()) {
                return null;
            }
        }
        current = new CloakroomHttpSession(this, request.getServletContext());
        httpSession = current;
        httpSessionKey = session.key();
        return current;
    }

    /**
     * Whether the session the view was made for has been flushed by other code than the view (a logout
     * through {@code Session.flush()}, a failed auth hash): its key is gone and nothing new was put in. The
     * view is then not handed out again, so {@code getSession(false)} says there is no session and
     * {@code getSession(true)} gives a new one, as after {@code invalidate()}.
     */
    private boolean flushedUnderTheView() {
        return httpSessionKey != null && session.key() == null && session.isEmpty();
    }

    // ------------------------------------------------------------------ wrappers and async

    SessionRequest wrap(HttpServletRequest req, HttpServletResponse res) {
        return new SessionRequest(req, this, res);
    }

    CommitAwareResponse wrap(HttpServletResponse res) {
        return new CommitAwareResponse(res, this);
    }

    /** Wraps an async context that was just started so its completion finishes the session first. */
    SessionAsyncContext asyncStarted(AsyncContext context) {
        SessionAsyncContext wrapped = new SessionAsyncContext(context, this, response);
        context.addListener(wrapped.listener());
        asyncContext = wrapped;
        return wrapped;
    }

    /** The wrapper of {@code current}, or {@code current} itself if it was not started through a wrapper. */
    AsyncContext asyncContext(AsyncContext current) {
        SessionAsyncContext wrapped = asyncContext;
        return wrapped != null && wrapped.wraps(current) ? wrapped : current;
    }
}
