package dev.cloakroom.bench.endpoints;

import dev.cloakroom.middleware.CookieHeader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The bench app's endpoints for one variant: dispatches {@code /<endpoint>} to {@link #none}, {@link #read},
 * {@link #incr} and {@link #login}, and writes the short text they return. Every variant answers with the
 * same few bytes, so only the session work differs.
 */
public abstract class EndpointServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** User ids for logins: each login is another user, as on a real site. */
    private static final AtomicLong USERS = new AtomicLong();

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Endpoint endpoint = path == null ? null : Endpoint.ofPath(path.substring(1));
        if (endpoint == null) {
            response.sendError(404);
            return;
        }
        String body = switch (endpoint) {
            case NONE -> "ok";
            case READ -> read(request, response);
            case INCR -> incr(request, response);
            case LOGIN -> login(request, response, Long.toString(USERS.incrementAndGet()));
        };
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        // No explicit Content-Length: a body that reaches it commits the response inside the servlet, and
        // Spring Session then saves twice (at commit and again when its filter ends), re-reading the session.
        // Left to Jetty, the response commits after the filters, which is kinder to Spring Session.
        response.setContentType("text/plain");
        response.getOutputStream().write(bytes);
    }

    /** Returns the session's user id, or {@code anonymous}. */
    protected abstract String read(HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    /** Increments the session's counter and returns it. */
    protected abstract String incr(HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    /** Logs {@code userId} in, in a new session, and returns {@code logged in}. */
    protected abstract String login(HttpServletRequest request, HttpServletResponse response, String userId)
            throws IOException;

    /**
     * The value of the request's cookie {@code name}, or {@code null}: read from the header the way the
     * session filter reads it, so the raw variants pay the same, minimal, price for their cookie.
     */
    protected static @Nullable String cookie(HttpServletRequest request, String name) {
        return CookieHeader.value(request.getHeader("Cookie"), name);
    }
}
