package dev.cloakroom.demo;

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
 * application/json} a 415 and a storage failure a 503. {@link #handle} returns {@code false} when it
 * does not know the method and path.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    final transient DemoContext context;

    ApiServlet(DemoContext context) {
        this.context = context;
    }

    /** Answers {@code method} on {@code path} (servlet path plus path info), or returns false. */
    abstract boolean handle(String method, String path, HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, Json.BadRequest;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        try {
            if (method.equals("OPTIONS")) {
                if (handle(method, path, request, response)) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    Json.error(response, 404, "No API endpoint at " + path + "; see the README for the list");
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
                    Json.error(response, 405, "Method " + method + " is not allowed on " + path);
                } else {
                    Json.error(response, 404, "No API endpoint at " + path + "; see the README for the list");
                }
            }
        } catch (Json.BadRequest e) {
            Json.error(response, 400, String.valueOf(e.getMessage()));
        } catch (SessionStorageException e) {
            log("Session storage failed for " + method + " " + path, e);
            Json.error(response, 503, "The session storage is unavailable; try again later");
        }
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
