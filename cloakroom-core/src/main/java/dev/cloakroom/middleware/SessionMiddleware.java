package dev.cloakroom.middleware;

import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.SessionTooLargeException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code SessionMiddleware}, to the letter, over an {@link Exchange}: {@link #open} gives the
 * request its lazy {@link Session}; {@link #finish} saves it and writes or deletes the cookie. Thread-safe:
 * one instance serves every request of an application.
 *
 * <p>What {@link #finish} does (Django's django/contrib/sessions/middleware.py), in this order:
 * <ol>
 *   <li>It reads whether the session was accessed or modified, and whether it is empty (no key and no
 *       data), <em>before</em> anything loads it. A session never touched costs no storage access and
 *       changes nothing in the response.</li>
 *   <li>If the request carried the session cookie and the session is now empty (after {@code flush()}, or
 *       a cookie that named no session and was read), the cookie is deleted with Django's header (same
 *       name, path, domain and SameSite) and {@code Vary: Cookie} is added; nothing else happens.</li>
 *   <li>Otherwise {@code Vary: Cookie} is added if the session was accessed; and if it was modified (or
 *       {@code saveEveryRequest} is set) and is not empty, then, unless the status is 500 or more, it is
 *       saved and its cookie is set, with {@code Max-Age} and {@code expires} from
 *       {@link Session#getExpiryAge()} (none when it ends with the browser), {@code Domain}, {@code Path},
 *       {@code Secure}, {@code HttpOnly} and {@code SameSite} from the settings, and {@code Vary: Cookie}.
 *       The cookie value is read after the save, which may have made a new key. With an idle timeout, a
 *       session read but not modified is saved too when {@link Session#isTouchDue()} says so, to move its
 *       expiry; otherwise it costs one storage read. A session the application
 *       already saved in this request and did not change since ({@link Session#isSaved()}) is not saved
 *       again; its cookie is set all the same.</li>
 * </ol>
 * {@code Vary} is merged into an existing one, ignoring case and never twice.
 *
 * <p><b>Without cookies.</b> With {@link SessionSettings#sessionHeader()} set (say {@code X-Session-Token}),
 * the same rules hold with the header in the cookie's place: the key is read from that request header;
 * where a cookie would be set, the response carries the header with the key (new sessions, new keys after
 * {@code cycleKey}); where it would be deleted, the header with an empty value, which tells the client to
 * drop its token; {@code Vary} names the header instead of {@code Cookie}. No {@code Set-Cookie} is written
 * and no cookie is read, so a request that sends both the header and the session cookie is served by the
 * header alone: a cookie the browser attaches on its own never selects a session. A header value longer
 * than 4096 characters or outside a cookie value's characters is logged and ignored (a new session). Keys
 * are made by the server only, as with cookies: an unknown token gets a new session under a new key.
 */
public final class SessionMiddleware {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMiddleware.class);

    private final SessionEngine engine;
    private final SessionSettings settings;
    private final KeyCarrier carrier;
    private final AtomicBoolean warnedInsecure = new AtomicBoolean();

    /**
     * Creates the middleware for {@code engine}, using the cookie settings of {@code settings}; sessions it
     * opens follow {@code settings} too.
     */
    public SessionMiddleware(SessionEngine engine, SessionSettings settings) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        String header = settings.sessionHeader();
        this.carrier = header == null ? new CookieCarrier(settings) : new HeaderCarrier(header);
    }

    /** The engine sessions are stored with. */
    public SessionEngine engine() {
        return engine;
    }

    /** The settings cookies and sessions follow. */
    public SessionSettings settings() {
        return settings;
    }

    /**
     * The request phase: returns the session named by the request's cookie (or session header), without
     * touching storage. A missing, malformed or unknown key gives a new empty session, never one under the
     * client's key.
     */
    public Session open(Exchange exchange) {
        return Session.open(engine, settings, requestedKey(exchange));
    }

    /**
     * Returns the session key the request carried, in the cookie or in the session header, or {@code null}
     * if none; an invalid header value is logged and gives {@code null}.
     */
    public @Nullable String requestedKey(Exchange exchange) {
        return carrier.requested(exchange);
    }

    /**
     * The response phase (see the class comment). Call it once per request, before the response commits.
     *
     * @return what was done to the response
     * @throws SessionInterruptedException if the session was deleted by another request meanwhile (Django's
     *     {@code SessionInterrupted}); nothing was saved and no cookie set. Answer the request with 400 and a
     *     short plain message such as {@link SessionInterruptedException#MESSAGE}.
     * @throws SessionTooLargeException if the session does not fit where it is stored (a signed cookie over
     *     4096 bytes); nothing was set. Answer 500 and log it: it is a bug or a configuration to fix.
     * @throws SessionStorageException if the storage failed while loading or saving (now, or earlier in the
     *     request: a session whose load failed never asks the storage again). Answer 503 with a
     *     {@code Retry-After} header and a short message naming no server, table or key.
     */
    public Outcome finish(Exchange exchange, Session session) {
        boolean accessed = session.isAccessed();
        boolean modified = session.isModified();
        boolean touch = !modified && session.isTouchDue();
        boolean empty = session.isEmpty();
        String vary = carrier.varyOn();

        if (empty && carrier.wasSent(exchange)) {
            carrier.remove(exchange);
            VaryHeader.add(exchange, vary);
            return Outcome.DELETED;
        }
        if (accessed) {
            VaryHeader.add(exchange, vary);
        }
        if (!(modified || touch || settings.saveEveryRequest()) || empty) {
            return accessed ? Outcome.ACCESSED : Outcome.UNTOUCHED;
        }
        Long maxAge = null;
        Instant expires = null;
        if (!session.getExpireAtBrowserClose()) {
            maxAge = session.getExpiryAge();
            expires = settings.clock().instant().plusSeconds(maxAge);
        }
        if (exchange.status() >= 500) {
            return Outcome.NOT_SAVED_SERVER_ERROR;
        }
        if (!session.isSaved()) {
            session.save();
        }
        String key = Objects.requireNonNull(session.key(), "a saved session has a key");
        carrier.issue(exchange, key, maxAge, expires);
        VaryHeader.add(exchange, vary);
        if (carrier instanceof CookieCarrier) {
            warnIfSecureCookieOverHttp(exchange);
        }
        return Outcome.SAVED;
    }

    private void warnIfSecureCookieOverHttp(Exchange exchange) {
        if (settings.cookieSecure() && !exchange.isSecure() && warnedInsecure.compareAndSet(false, true)) {
            LOG.warn("The session cookie is Secure (cookieSecure=true) but it was just set on a request "
                    + "that came over plain HTTP: browsers will not keep it. Serve the site over HTTPS; "
                    + "behind a proxy that ends TLS, make the server trust its X-Forwarded-Proto header. "
                    + "Logged once.");
        }
    }

    @Override
    public String toString() {
        return "SessionMiddleware[" + engine + ", " + settings + "]";
    }
}
