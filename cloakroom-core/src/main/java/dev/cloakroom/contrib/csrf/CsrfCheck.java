package dev.cloakroom.contrib.csrf;

import dev.cloakroom.Session;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Django 4.x's {@code CsrfViewMiddleware} decision for a request, with the secret in the session:
 *
 * <ol>
 *   <li>{@code GET}, {@code HEAD}, {@code OPTIONS} and {@code TRACE} pass;</li>
 *   <li>an {@code Origin} header must be this host (same scheme) or a trusted origin;</li>
 *   <li>without {@code Origin}, an HTTPS request needs an HTTPS {@code Referer} on this host (or the
 *       session cookie's domain, or a trusted origin's host);</li>
 *   <li>the session must hold a CSRF secret, and the token from the {@value CsrfTokens#FORM_FIELD} form
 *       field (POST only) or else the {@value CsrfTokens#HEADER} header must match it, masked or not,
 *       compared in constant time.</li>
 * </ol>
 *
 * <p>Rejections carry Django's reason text (for example {@value #REASON_TOKEN_MISSING}). Immutable and
 * thread-safe.
 */
public final class CsrfCheck {

    /** No CSRF secret in the session: Django's text (which says cookie even in session mode). */
    public static final String REASON_NO_SECRET = "CSRF cookie not set.";
    /** No token in the form field nor in the header. */
    public static final String REASON_TOKEN_MISSING = "CSRF token missing.";
    /** HTTPS request with neither {@code Origin} nor {@code Referer}. */
    public static final String REASON_NO_REFERER = "Referer checking failed - no Referer.";
    /** HTTPS request with an unparsable {@code Referer}. */
    public static final String REASON_MALFORMED_REFERER = "Referer checking failed - Referer is malformed.";
    /** HTTPS request with an {@code http:} {@code Referer}. */
    public static final String REASON_INSECURE_REFERER =
            "Referer checking failed - Referer is insecure while host is secure.";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> exactOrigins;
    private final Map<String, List<String>> subdomainOrigins;
    private final List<String> trustedHosts;

    private CsrfCheck(List<String> trustedOrigins) {
        Set<String> exact = new LinkedHashSet<>();
        Map<String, List<String>> subdomains = new LinkedHashMap<>();
        List<String> hosts = new ArrayList<>();
        for (String origin : trustedOrigins) {
            int sep = origin.indexOf("://");
            if (sep <= 0 || sep + 3 == origin.length()) {
                throw new IllegalArgumentException("A trusted origin must be scheme://host[:port] (such as "
                        + "https://example.com or https://*.example.com), was '" + origin + "'");
            }
            String scheme = origin.substring(0, sep).toLowerCase(Locale.ROOT);
            String netloc = stripLeadingStars(origin.substring(sep + 3).toLowerCase(Locale.ROOT));
            if (origin.contains("*")) {
                subdomains.computeIfAbsent(scheme, s -> new ArrayList<>()).add(netloc);
            } else {
                exact.add(origin.toLowerCase(Locale.ROOT));
            }
            hosts.add(netloc);
        }
        this.exactOrigins = Set.copyOf(exact);
        this.subdomainOrigins = Map.copyOf(subdomains);
        this.trustedHosts = List.copyOf(hosts);
    }

    /** A check that trusts only the request's own origin (Django's {@code CSRF_TRUSTED_ORIGINS = []}). */
    public static CsrfCheck defaults() {
        return new CsrfCheck(List.of());
    }

    /**
     * A check that also trusts {@code trustedOrigins} (Django 4.0+'s {@code CSRF_TRUSTED_ORIGINS}):
     * {@code https://example.com}, or {@code https://*.example.com} for the domain and its subdomains.
     *
     * @throws IllegalArgumentException if an origin has no scheme
     */
    public static CsrfCheck trusting(List<String> trustedOrigins) {
        return new CsrfCheck(List.copyOf(trustedOrigins));
    }

    /** Whether Django never checks {@code method}: GET, HEAD, OPTIONS and TRACE (any case). */
    public static boolean isSafeMethod(String method) {
        return SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Returns why the request must be rejected with 403 (Django's reason text), or empty if it may
     * proceed. Reads the session's secret but never creates or changes it.
     *
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded
     */
    public Optional<String> check(Session session, CsrfRequest request) {
        Objects.requireNonNull(session, "session");
        if (isSafeMethod(request.method())) {
            return Optional.empty();
        }
        String origin = request.header("Origin");
        if (origin != null) {
            if (!originVerified(origin, request)) {
                return Optional.of("Origin checking failed - " + origin
                        + " does not match any trusted origins.");
            }
        } else if (request.isSecure()) {
            String refererProblem = checkReferer(session, request);
            if (refererProblem != null) {
                return Optional.of(refererProblem);
            }
        }
        return Optional.ofNullable(checkToken(session, request));
    }

    private boolean originVerified(String origin, CsrfRequest request) {
        String good = (request.isSecure() ? "https" : "http") + "://" + request.host();
        String candidate = origin.toLowerCase(Locale.ROOT);
        if (candidate.equals(good.toLowerCase(Locale.ROOT)) || exactOrigins.contains(candidate)) {
            return true;
        }
        int sep = candidate.indexOf("://");
        if (sep <= 0) {
            return false;
        }
        String scheme = candidate.substring(0, sep);
        String netloc = candidate.substring(sep + 3);
        for (String pattern : subdomainOrigins.getOrDefault(scheme, List.of())) {
            if (isSameDomain(netloc, pattern)) {
                return true;
            }
        }
        return false;
    }

    private @Nullable String checkReferer(Session session, CsrfRequest request) {
        String referer = request.header("Referer");
        if (referer == null) {
            return REASON_NO_REFERER;
        }
        URI uri;
        try {
            uri = new URI(referer);
        } catch (URISyntaxException e) {
            return REASON_MALFORMED_REFERER;
        }
        String scheme = uri.getScheme();
        String netloc = uri.getRawAuthority();
        if (scheme == null || scheme.isEmpty() || netloc == null || netloc.isEmpty()) {
            return REASON_MALFORMED_REFERER;
        }
        if (!scheme.equalsIgnoreCase("https")) {
            return REASON_INSECURE_REFERER;
        }
        for (String host : trustedHosts) {
            if (isSameDomain(netloc, host)) {
                return null;
            }
        }
        String good = session.settings().cookieDomain();
        if (good == null) {
            good = request.host();
        } else if (request.serverPort() != 443 && request.serverPort() != 80) {
            good = good + ":" + request.serverPort();
        }
        if (!isSameDomain(netloc, good)) {
            return "Referer checking failed - " + referer + " does not match any trusted origins.";
        }
        return null;
    }

    private static @Nullable String checkToken(Session session, CsrfRequest request) {
        String secret = CsrfTokens.secret(session);
        if (secret == null) {
            return REASON_NO_SECRET;
        }
        String token = "";
        if ("POST".equalsIgnoreCase(request.method())) {
            String field = request.formField(CsrfTokens.FORM_FIELD);
            token = field == null ? "" : field;
        }
        String source = "POST";
        if (token.isEmpty()) {
            String header = request.header(CsrfTokens.HEADER);
            if (header == null) {
                return REASON_TOKEN_MISSING;
            }
            token = header;
            source = "the 'X-Csrftoken' HTTP header";
        }
        if (token.length() != 32 && token.length() != 64) {
            return "CSRF token from " + source + " has incorrect length.";
        }
        if (!token.chars().allMatch(CsrfCheck::isTokenChar)) {
            return "CSRF token from " + source + " has invalid characters.";
        }
        if (!CsrfTokens.isValid(session, token)) {
            return "CSRF token from " + source + " incorrect.";
        }
        return null;
    }

    /** Django's {@code is_same_domain}: a pattern starting with {@code .} also matches its subdomains. */
    static boolean isSameDomain(String host, String pattern) {
        if (pattern.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        return (p.charAt(0) == '.' && (h.endsWith(p) || h.equals(p.substring(1)))) || p.equals(h);
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String stripLeadingStars(String netloc) {
        int i = 0;
        while (i < netloc.length() && netloc.charAt(i) == '*') {
            i++;
        }
        return netloc.substring(i);
    }

    @Override
    public String toString() {
        return "CsrfCheck[trustedOrigins=" + (exactOrigins.size() + subdomainOrigins.values().stream()
                .mapToInt(List::size).sum()) + "]";
    }
}
