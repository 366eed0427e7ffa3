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
 * Runs one of two filters for each request: {@code tokenApi} for the header-mode API
 * ({@link TokenApi#isTokenApi}), {@code others} for every other path. The cookie session filter and the
 * header session filter never both see a request, and cookie-only filters (flash messages) can skip the
 * token API with {@link #notOnTokenApi}.
 */
final class ByPath extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient Filter tokenApi;
    private final transient Filter others;

    ByPath(Filter tokenApi, Filter others) {
        this.tokenApi = tokenApi;
        this.others = others;
    }

    /** {@code filter} for every path but the token API's, which it lets through untouched. */
    static ByPath notOnTokenApi(Filter filter) {
        return new ByPath((request, response, chain) -> chain.doFilter(request, response), filter);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        tokenApi.init(config);
        others.init(config);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        (TokenApi.isTokenApi(request) ? tokenApi : others).doFilter(request, response, chain);
    }

    @Override
    public void destroy() {
        tokenApi.destroy();
        others.destroy();
        super.destroy();
    }
}
