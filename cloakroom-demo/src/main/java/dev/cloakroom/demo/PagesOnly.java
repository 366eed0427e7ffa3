package dev.cloakroom.demo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs a filter for the HTML pages only, not for {@code /api/} and {@code /token-api/} (judged on the
 * normalised path, see
 * {@link #isApi}): the CSRF filter checks form posts, while the
 * JSON API is protected by requiring {@code Content-Type: application/json} on every POST, which a
 * cross-site form cannot send and a cross-site script cannot send without a CORS preflight that the demo
 * never approves.
 */
final class PagesOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient Filter filter;

    PagesOnly(Filter filter) {
        this.filter = filter;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        filter.init(config);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isApi(request)) {
            chain.doFilter(request, response);
        } else {
            filter.doFilter(request, response, chain);
        }
    }

    /**
     * Whether the request goes to the API, decided on the path the container matched servlets with (decoded,
     * dot segments and path parameters resolved), never on the raw request URI: {@code /api/../logout}
     * reaches the logout page and must pass the CSRF check like any other form post.
     */
    static boolean isApi(HttpServletRequest request) {
        String path = TokenApi.path(request);
        return path.equals("/api") || path.startsWith("/api/") || TokenApi.isTokenApi(path);
    }

    @Override
    public void destroy() {
        filter.destroy();
        super.destroy();
    }
}
