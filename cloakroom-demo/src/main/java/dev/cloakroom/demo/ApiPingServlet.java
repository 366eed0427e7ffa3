package dev.cloakroom.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/ping}: {@code {"ok": true}}, never touching the session; and the API's 404 for unknown
 * paths.
 */
final class ApiPingServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    ApiPingServlet(DemoContext context) {
        super(context);
    }

    @Override
    boolean handle(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!path.equals("/api/ping")) {
            return false;
        }
        if (method.equals("GET")) {
            Json.write(response, 200, Map.of("ok", true));
            return true;
        }
        return method.equals("OPTIONS");
    }
}
