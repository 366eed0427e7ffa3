package dev.cloakroom.bench.load;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** No session at all: the baseline. Only {@code /none} is measured; the others answer without storage. */
final class BaselineServlet extends EndpointServlet {

    private static final long serialVersionUID = 1L;

    @Override
    String read(HttpServletRequest request, HttpServletResponse response) {
        return "anonymous";
    }

    @Override
    String incr(HttpServletRequest request, HttpServletResponse response) {
        return "1";
    }

    @Override
    String login(HttpServletRequest request, HttpServletResponse response, String userId) {
        return "logged in";
    }
}
