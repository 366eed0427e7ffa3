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
 * Runs a filter for the HTML pages only, not for {@code /api/}: the CSRF filter checks form posts, while the
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
        if (request.getRequestURI().startsWith("/api/")) {
            chain.doFilter(request, response);
        } else {
            filter.doFilter(request, response, chain);
        }
    }

    @Override
    public void destroy() {
        filter.destroy();
        super.destroy();
    }
}
