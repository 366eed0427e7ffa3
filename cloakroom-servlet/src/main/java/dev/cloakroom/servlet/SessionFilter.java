package dev.cloakroom.servlet;

import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.middleware.SessionMiddleware;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code SessionMiddleware} as a Jakarta Servlet filter: every request gets a lazy Cloakroom
 * {@link dev.cloakroom.Session} ({@link Sessions#of}, or the request attribute {@link Sessions#ATTRIBUTE}),
 * saved with Django's rules ({@link SessionMiddleware}) and sent back in Django's cookie. Thread-safe.
 *
 * <p><b>Without cookies.</b> With {@link dev.cloakroom.SessionSettings#sessionHeader()} set (init-parameter
 * {@code session-header}), the key comes in that request header and goes back in the same response header
 * instead; no cookie is read or written, and {@code isRequestedSessionIdFromCookie()} is {@code false}.
 *
 * <p><b>Placement.</b> Register it first, before any filter or servlet that reads the session or writes the
 * response, for {@code /*}. Map it for the {@code REQUEST}, {@code ASYNC} and {@code ERROR} dispatcher types:
 * it saves once per request whatever it is mapped for, but error pages and async dispatches only see the
 * Cloakroom session through {@code getSession()} when it runs for them too.
 *
 * <p><b>When the session is saved.</b> Just before the response commits: before {@code sendError},
 * {@code sendRedirect}, {@code flushBuffer}, a flush or close of the body, or a write that fills the buffer
 * or reaches {@code Content-Length}; otherwise when the request's processing ends, or when
 * {@code AsyncContext.complete()} is called. The status at that moment decides the 5xx rule. Code that
 * must change the session at that very moment (as {@code MessagesFilter} does) registers with
 * {@link Sessions#beforeSave}. Changes made to the session after that are not saved (a WARN says so
 * once). Code that wants to answer with what was actually stored (a counter incremented by concurrent
 * requests) saves first with {@link Sessions#saveNow}.
 *
 * <p><b>Failures.</b> Unless the response is already committed, the filter answers them itself, as
 * {@code text/plain} and without the container's error page, so no server, table, key or class name
 * reaches the client (the cause is logged):
 * <ul>
 *   <li>the session storage failed (a {@link dev.cloakroom.SessionStorageException}: database or Redis down
 *       or too slow), while finishing or escaping the application: {@code 503}, {@code Retry-After: 5},
 *       {@code The session storage is unavailable; try again later.} A session whose load failed never asks
 *       the storage again in that request, so a request waits for one storage timeout at most;</li>
 *   <li>the session was deleted by a concurrent request (Django's {@code SessionInterrupted}), while
 *       finishing or escaping the application: {@code 400} with Django's message;</li>
 *   <li>it cannot be saved for another reason (a signed cookie over 4096 bytes, a failing
 *       {@link Sessions#beforeSave} action): {@code 500}, {@code The session could not be saved.}</li>
 * </ul>
 * Either way what the application writes afterwards is dropped. Any other exception thrown by the
 * application counts as a 500: nothing is saved, and the container's error handling takes over.
 *
 * <p><b>{@code HttpSession}.</b> The request's {@code getSession()} returns a view of the same Cloakroom
 * session; the container's own sessions are never created (no {@code JSESSIONID}).
 * <ul>
 *   <li>Attributes are JSON, not Java objects: {@code setAttribute} converts the value with Jackson (failing
 *       at once, naming the attribute, if it cannot be JSON) and {@code getAttribute} returns the JSON tree
 *       ({@code Map}, {@code List}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 *       {@code Double}, {@code Boolean}). Binding listeners are not called. {@code getAttributeNames}
 *       lists every entry of the session, Django's own ({@code _session_expiry}, {@code _auth_user_id})
 *       included.</li>
 *   <li>{@code getSession(false)} returns {@code null} when the session has no key and no data; when the
 *       request carries a cookie it loads the session first, so a cookie naming no session gives
 *       {@code null}. {@code getSession(true)} does not save anything by itself: as in Django, a session is
 *       stored only once something is put in it.</li>
 *   <li>{@code invalidate()} is {@code flush()}; the session is unusable afterwards
 *       ({@link IllegalStateException}), and {@code getSession(true)} gives a new, empty one.
 *       {@code changeSessionId()} is {@code cycleKey()}.</li>
 *   <li>{@code setMaxInactiveInterval(n)} is {@code setExpiry(n)} for {@code n > 0}. Django has no session
 *       that never expires, so {@code n <= 0} removes the per-session expiry: the session lives
 *       {@code cookieAge} again. {@code getMaxInactiveInterval()} is {@code getExpiryAge()}.</li>
 *   <li>{@code getId()} is the session key; a new session is saved on the spot to get one (for
 *       {@code signed_cookies} the key is the cookie value, which changes with the data).
 *       {@code isNew()} is true unless the request's cookie named this session.</li>
 *   <li>Django stores no creation or access time, so {@code getCreationTime()} and
 *       {@code getLastAccessedTime()} return the time the current request began. Store a time as an
 *       attribute if you need one.</li>
 * </ul>
 *
 * <p><b>{@code web.xml}.</b> The no-argument constructor reads init-parameters: Cloakroom's settings
 * ({@code dev.cloakroom.config.CloakroomSettings}, the README's "Configuration" table), each by its name
 * ({@code cookie.age}) or with dashes ({@code cookie-age}), read and checked as environment variables and
 * flags are. Exactly one of {@code engine} ({@code db}, {@code cache}, {@code cached_db}, {@code file},
 * {@code signed_cookies}, {@code memory}; {@code db} and {@code cache} need {@code cloakroom-jdbc} and
 * {@code cloakroom-redis} in {@code WEB-INF/lib}, and the {@code db} table is created if missing) and
 * {@code engine-factory} (a {@link SessionEngineFactory} class, for an engine of your own) is required.
 * Absent settings keep Django's defaults; without {@code secret-key} a random key is used (WARN: sessions
 * do not survive a restart). A misspelt name fails the filter's start, unless an {@code engine-factory} is
 * set (it may read parameters of its own).
 */
public final class SessionFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFilter.class);

    private final FilterWarnings warnings = new FilterWarnings();
    private volatile @Nullable SessionMiddleware middleware;
    private volatile @Nullable AutoCloseable ownedEngine;

    /** Creates a filter for code-based set-up; {@link #init} then ignores init-parameters. */
    public SessionFilter(SessionEngine engine, SessionSettings settings) {
        this.middleware = new SessionMiddleware(Objects.requireNonNull(engine, "engine"),
                Objects.requireNonNull(settings, "settings"));
    }

    /** Creates a filter that {@link #init} configures from its init-parameters ({@code web.xml}). */
    public SessionFilter() {
    }

    /**
     * Reads the init-parameters when the filter was made with the no-argument constructor.
     *
     * @throws ServletException naming the parameter, if one is unknown or has a bad value, or the engine
     *     cannot be made
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (middleware != null) {
            return;
        }
        FilterSettings parameters = FilterSettings.of(config);
        SessionSettings settings = parameters.sessionSettings();
        OpenedEngine engine = parameters.engine();
        ownedEngine = engine;
        middleware = new SessionMiddleware(engine.engine(), settings);
        LOG.info("Cloakroom sessions for filter '{}': {} ({}), {}", config.getFilterName(), engine.name(),
                engine.description(), settings);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        RequestState state = RequestState.of(request);
        if (state != null) {
            redispatch(state, request, response, chain);
            return;
        }
        SessionMiddleware mw = middleware;
        if (mw == null) {
            throw new ServletException("SessionFilter was not initialised: the container did not call "
                    + "init(), or init() failed; see the error logged at start-up");
        }
        state = new RequestState(mw, request, response, warnings);
        request.setAttribute(RequestState.ATTRIBUTE, state);
        request.setAttribute(Sessions.ATTRIBUTE, state.session());
        CommitAwareResponse wrappedResponse = state.wrap(response);
        SessionRequest wrappedRequest = state.wrap(request, wrappedResponse);
        RequestState previous = CurrentRequest.enter(state);
        try {
            run(state, wrappedRequest, wrappedResponse, chain, true);
        } finally {
            CurrentRequest.exit(previous);
        }
    }

    /**
     * A forward, include, error page or async dispatch of a request the filter already saw: the same session,
     * freshly wrapped (containers pass their own objects to error pages), and never a second save.
     */
    private static void redispatch(RequestState state, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse res = state.isFinished() || isWrapped(response, CommitAwareResponse.class)
                ? response : state.wrap(response);
        HttpServletRequest req = isWrapped(request, SessionRequest.class)
                ? request : state.wrap(request, res);
        DispatcherType type = request.getDispatcherType();
        RequestState previous = CurrentRequest.enter(state);
        try {
            run(state, req, res, chain, type == DispatcherType.ASYNC || type == DispatcherType.ERROR);
        } finally {
            CurrentRequest.exit(previous);
        }
    }

    private static void run(RequestState state, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, boolean finishesHere) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (finishesHere) {
                try {
                    state.afterDispatch(true);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (state.answerEscaped(e)) {
                    return; // answered 503 or 400 without the container's error page
                }
            }
            throw e;
        }
        if (finishesHere && !request.isAsyncStarted()) {
            state.afterDispatch(false);
        }
    }

    private static boolean isWrapped(Object object, Class<?> type) {
        if (type.isInstance(object)) {
            return true;
        }
        if (object instanceof ServletRequestWrapper w) {
            return w.isWrapperFor(type);
        }
        return object instanceof ServletResponseWrapper w && w.isWrapperFor(type);
    }

    /** Closes the engine if this filter made it from init-parameters and it can be closed. */
    @Override
    public void destroy() {
        AutoCloseable engine = ownedEngine;
        ownedEngine = null;
        if (engine != null) {
            try {
                engine.close();
            } catch (Exception e) {
                LOG.warn("Could not close the session engine {}: {}", engine, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        SessionMiddleware mw = middleware;
        return "SessionFilter[" + (mw == null ? "not initialised" : mw.engine()) + "]";
    }
}
