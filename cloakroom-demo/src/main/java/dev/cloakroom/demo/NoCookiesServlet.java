package dev.cloakroom.demo;

import dev.cloakroom.ClientSideEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /no-cookies}, "API without cookies": the {@code curl} commands that use the JSON API under
 * {@link TokenApi#PREFIX}, where the session key travels in a header instead of a cookie.
 */
final class NoCookiesServlet extends PageServlet {

    private static final long serialVersionUID = 1L;

    NoCookiesServlet(DemoContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        render(request, response, "no_cookies", "API without cookies", Map.of(
                "api", base + TokenApi.PREFIX,
                "header", TokenApi.header(context.settings()),
                "cookieEngine", context.engine() instanceof ClientSideEngine));
    }
}
