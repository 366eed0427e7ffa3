package dev.cloakroom.demo;

import dev.cloakroom.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code /counter}: every visit adds one to {@code count}, through {@code compute} so no visit is lost. */
final class CounterServlet extends PageServlet {

    static final String KEY = "count";

    private static final long serialVersionUID = 1L;

    CounterServlet(DemoContext context) {
        super(context);
    }

    /** Adds one visit and returns the new count. */
    static long increment(Session session) {
        Long count = session.compute(KEY, Long.class, n -> n == null ? 1L : n + 1);
        return count == null ? 0 : count;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long count = increment(Web.session(request));
        render(request, response, "counter", "Visit counter", Map.of("count", count, "plural", count != 1));
    }
}
