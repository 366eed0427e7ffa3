package dev.cloakroom.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** {@code /static/*}: the few files in {@code src/main/resources/static}, by exact name; no listing. */
final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of(
            "/style.css", "text/css;charset=utf-8",
            "/favicon.svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        String type = name == null ? null : FILES.get(name);
        InputStream in = type == null ? null : StaticServlet.class.getResourceAsStream("/static" + name);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            byte[] bytes = in.readAllBytes();
            response.setContentType(type);
            response.setHeader("Cache-Control", "max-age=300");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
