package dev.cloakroom.demo;

import dev.cloakroom.SessionInterruptedException;
import dev.cloakroom.SessionStorageException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The base of the JSON API servlets: every answer is JSON, errors are {@code {"error": "..."}}, a bad body
 * is a 400, an unknown path a 404, a wrong method a 405, a POST without {@code Content-Type:
 * application/json} a 415, a storage failure a 503 with {@code Retry-After} and a session deleted by a
 * concurrent request (a logout elsewhere) a 400. {@link #handle} returns {@code false} when it does not know
 * the method and path; the header-mode API's paths ({@link TokenApi}) reach it as {@code /api/} ones.
 * Handlers that change the session save it ({@link Web#saveNow}) before writing their answer, so the answer
 * shows what was stored and a failing save is answered here, in JSON.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The {@code Retry-After} of a 503: how soon a client may try again when the storage failed. */
    static final String RETRY_AFTER_SECONDS = "5";

    final transient DemoContext context;

    ApiServlet(DemoContext context) {
        this.context = context;
    }

    /** Answers {@code method} on {@code path} (servlet path plus path info), or returns false. */
    abstract boolean handle(String method, String path, HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, Json.BadRequest;

    @Override
    protected void service(HttpServletRequest received, HttpServletResponse response)
            throws ServletException, IOException {
        HttpServletRequest request = ReadAheadRequest.of(received, Json.MAX_BODY_BYTES);
        String requested = TokenApi.path(request);
        String path = TokenApi.apiPath(requested);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        try {
            if (method.equals("OPTIONS")) {
                if (handle(method, path, request, response)) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    notFound(response, requested);
                }
                return;
            }
            if (method.equals("POST") && !isJson(request.getContentType())) {
                Json.error(response, 415,
                        "Send Content-Type: application/json with every POST to the API (it is what protects "
                                + "the API from cross-site requests)");
                return;
            }
            if (!handle(method, path, request, response)) {
                boolean known = handle("OPTIONS", path, request, response);
                if (known) {
                    Json.error(response, 405, "Method " + method + " is not allowed on " + requested);
                } else {
                    notFound(response, requested);
                }
            }
        } catch (Json.BadRequest e) {
            Json.error(response, 400, String.valueOf(e.getMessage()));
        } catch (SessionStorageException e) {
            log("Session storage failed for " + method + " " + requested + ": " + e.getMessage());
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                Json.error(response, 503, "The session storage is unavailable; try again later");
            }
        } catch (SessionInterruptedException e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                Json.error(response, 400, SessionInterruptedException.MESSAGE);
            }
        }
    }

    private static void notFound(HttpServletResponse response, String path) throws IOException {
        Json.error(response, 404, "No API endpoint at " + path + "; see the README for the list");
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json");
    }
}
