package dev.cloakroom.servlet;

import dev.cloakroom.Session;
import jakarta.servlet.ServletRequest;
import java.util.Objects;

/**
 * Reaches the {@link Session} that {@link SessionFilter} opened for a request, and lets code act just before
 * the filter saves it.
 */
public final class Sessions {

    /**
     * The request attribute holding the request's {@link Session}: {@code dev.cloakroom.Session}. It is set
     * by {@link SessionFilter} and stays visible to forwards, includes, error pages and async dispatches of
     * the same request.
     */
    public static final String ATTRIBUTE = "dev.cloakroom.Session";

    private Sessions() {
    }

    /**
     * Returns the request's session. Not thread-safe, like the session: use it from the thread handling the
     * request (or the one an async request handed over to).
     *
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request
     */
    public static Session of(ServletRequest request) {
        Object session = request.getAttribute(ATTRIBUTE);
        if (session instanceof Session s) {
            return s;
        }
        throw noFilter();
    }

    /**
     * Registers {@code action} to run just before {@link SessionFilter} saves the request's session and
     * writes its cookie: when the response is about to commit (a redirect, an error, a flush, a body filling
     * the buffer or reaching its {@code Content-Length}, {@code AsyncContext.complete()}) or when the
     * request ends, whichever comes first. So an action may still change the session, and set headers unless
     * the application committed the response behind the filter's back (check {@code isCommitted()}). This is
     * how contrib's {@code MessagesFilter} stores flash messages in time.
     *
     * <p>The actions of a request run once each, in registration order, on the thread that triggers the
     * save; an action registered by a running action runs after those already registered. They run for
     * every response, server errors included, where the session is then not saved (Django's rule). If an
     * action throws, the actions after it do not run, the session is not saved and no cookie is set, the
     * exception is logged at ERROR, and a response that is not already a server error becomes {@code 500}
     * with the text {@code The session could not be saved.}, as when storage fails. Thread-safe.
     *
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request, or it already
     *     saved the session (register before writing the response)
     */
    public static void beforeSave(ServletRequest request, Runnable action) {
        Objects.requireNonNull(action, "action");
        RequestState state = RequestState.of(request);
        if (state == null) {
            throw noFilter();
        }
        state.beforeSave(action);
    }

    /**
     * Saves the request's session now, if {@link SessionFilter} would save it at the end of the request
     * (changed, or {@code saveEveryRequest} set, and not empty), and returns it. Afterwards its values are
     * exactly the stored ones: if another request saved the session first, this request's changes were
     * applied again to the fresher data ({@code compute} functions re-run), so a value read now can differ
     * from the one read before. Answer with values read after this call when the answer must be what was
     * stored (a counter, a stock level). The filter then does not save the session again unless it is changed
     * again, and still sets the cookie when the response commits.
     *
     * <p>Before-save actions ({@link #beforeSave}) still run when the response commits; what they change is
     * saved then. Not thread-safe, like the session.
     *
     * @throws dev.cloakroom.SessionStorageException if the storage fails (let it escape, and the filter
     *     answers 503; or answer it yourself)
     * @throws dev.cloakroom.SessionInterruptedException if the session was deleted meanwhile (escaping, 400)
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request, or it already
     *     saved the session (the response was committed)
     */
    public static Session saveNow(ServletRequest request) {
        RequestState state = RequestState.of(request);
        if (state == null) {
            throw noFilter();
        }
        state.saveNow();
        return state.session();
    }

    private static IllegalStateException noFilter() {
        return new IllegalStateException("No Cloakroom session on this request: register "
                + SessionFilter.class.getName() + " for it, first in the filter chain (see the README)");
    }
}
