package dev.cloakroom.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /counter}: every visit adds one to {@code count}, through {@code compute} so no visit is lost, and
 * saves at once, so the count shown is the one stored even when other visits of the session ran at the
 * same time.
 */
final class CounterServlet extends PageServlet {

    static final String KEY = "count";

    private static final long serialVersionUID = 1L;

    CounterServlet(DemoContext context) {
        super(context);
    }

    /** Adds one visit, saves the session and returns the count stored. */
    static long increment(HttpServletRequest request) {
        Web.session(request).compute(KEY, Long.class, n -> n == null ? 1L : n + 1);
        Long count = Web.saveNow(request).get(KEY, Long.class);
        return count == null ? 0 : count;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long count = increment(request);
        render(request, response, "counter", "Visit counter", Map.of("count", count, "plural", count != 1));
    }
}
