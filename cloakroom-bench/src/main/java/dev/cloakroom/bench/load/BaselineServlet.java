package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.endpoints.EndpointServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** No session at all: the baseline. Only {@code /none} is measured; the others answer without storage. */
final class BaselineServlet extends EndpointServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected String read(HttpServletRequest request, HttpServletResponse response) {
        return "anonymous";
    }

    @Override
    protected String incr(HttpServletRequest request, HttpServletResponse response) {
        return "1";
    }

    @Override
    protected String login(HttpServletRequest request, HttpServletResponse response, String userId) {
        return "logged in";
    }
}
