package dev.cloakroom.servlet.contrib;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.csrf.CsrfCheck;
import dev.cloakroom.contrib.csrf.CsrfTokens;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code CsrfViewMiddleware} with {@code CSRF_USE_SESSIONS = True} as a servlet filter: requests
 * with an unsafe method (anything but {@code GET}, {@code HEAD}, {@code OPTIONS}, {@code TRACE}) must carry
 * the session's CSRF token in the {@value CsrfTokens#FORM_FIELD} form field (POST bodies) or the
 * {@value CsrfTokens#HEADER} header, and pass Django's {@code Origin} and (HTTPS) {@code Referer} checks
 * ({@link CsrfCheck}). Otherwise the filter answers {@code 403} with a {@code text/plain} body naming
 * Django's reason, such as {@code Forbidden (CSRF token missing.)}, logs it at WARN on
 * {@code cloakroom.security.csrf}, and the request goes no further.
 *
 * <p>Pages get a token with {@link #token(ServletRequest)} (a fresh mask per call; all stay valid until the
 * secret rotates at login or logout).
 *
 * <p><b>Placement.</b> After {@link SessionFilter}, before the servlets it protects. Reading the form field
 * parses a form body ({@code getParameter}), as Django reads {@code request.POST}.
 * <b>{@code web.xml}:</b> the init-parameter {@code trusted-origins} (comma-separated, Django's
 * {@code CSRF_TRUSTED_ORIGINS}: {@code https://example.com}, {@code https://*.example.com}). Thread-safe.
 */
public final class CsrfFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger("cloakroom.security.csrf");

    private volatile CsrfCheck check;
    private final boolean configured;

    /** Creates a filter trusting each request's own origin and the {@code trusted-origins} init-parameter. */
    public CsrfFilter() {
        this.check = CsrfCheck.defaults();
        this.configured = false;
    }

    /** Creates a filter making {@code check}'s decisions; {@link #init} then ignores init-parameters. */
    public CsrfFilter(CsrfCheck check) {
        this.check = Objects.requireNonNull(check, "check");
        this.configured = true;
    }

    /**
     * Reads {@code trusted-origins} when made with the no-argument constructor.
     *
     * @throws ServletException if a trusted origin is not {@code scheme://host[:port]}
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (configured) {
            return;
        }
        String origins = config.getInitParameter("trusted-origins");
        if (origins != null && !origins.isBlank()) {
            List<String> list = Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            try {
                check = CsrfCheck.trusting(list);
            } catch (IllegalArgumentException e) {
                throw new ServletException("CsrfFilter init-parameter trusted-origins: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Returns a CSRF token for a form or a script of this request's session, creating the session's secret
     * if needed: {@link CsrfTokens#token} of {@link Sessions#of}.
     *
     * @throws IllegalStateException if {@link SessionFilter} did not run for this request
     */
    public static String token(ServletRequest request) {
        return CsrfTokens.token(Sessions.of(request));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || CsrfCheck.isSafeMethod(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        Session session = Sessions.of(request);
        Optional<String> reason = check.check(session, new ServletCsrfRequest(request));
        if (reason.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        LOG.warn("Forbidden ({}): {} {}", reason.get(), request.getMethod(), request.getRequestURI());
        reject(response, reason.get());
    }

    private static void reject(HttpServletResponse response, String reason) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = ("Forbidden (" + reason + ")\n"
                + "CSRF verification failed. Request aborted. Every POST, PUT, PATCH or DELETE needs the "
                + "token of its session (CsrfFilter.token(request)) in the form field '"
                + CsrfTokens.FORM_FIELD + "' or the '" + CsrfTokens.HEADER + "' header.\n")
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public String toString() {
        return "CsrfFilter[" + check + "]";
    }
}
