package dev.cloakroom.demo;

import dev.cloakroom.SessionSettings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The JSON API without cookies: the same endpoints as {@code /api/}, under {@value #PREFIX}/, where the
 * session key travels in a header ({@value #DEFAULT_HEADER}, or the {@code session.header} setting if it
 * is set) instead of the cookie. A session filter carries the key one way only, so these paths get a
 * second {@link dev.cloakroom.servlet.SessionFilter} in header mode ({@link ByPath} routes each request to
 * one of the two).
 */
final class TokenApi {

    /** Where the header-mode API lives. */
    static final String PREFIX = "/token-api";

    /** The header the token travels in unless {@code session.header} names another. */
    static final String DEFAULT_HEADER = "X-Session-Token";

    private TokenApi() {
    }

    /** The header the token travels in with {@code settings}. */
    static String header(SessionSettings settings) {
        String configured = settings.sessionHeader();
        return configured == null ? DEFAULT_HEADER : configured;
    }

    /** {@code settings} with the key in {@link #header}, for the header-mode filter. */
    static SessionSettings settings(SessionSettings settings) {
        return settings.toBuilder().sessionHeader(header(settings)).build();
    }

    /**
     * Whether the request goes to the header-mode API, judged on the path the container matched servlets
     * with (decoded, dot segments resolved), as {@link PagesOnly#isApi} judges {@code /api/}.
     */
    static boolean isTokenApi(HttpServletRequest request) {
        return isTokenApi(path(request));
    }

    static boolean isTokenApi(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** {@code path} as the API servlets know it: {@code /token-api/counter} is {@code /api/counter}. */
    static String apiPath(String path) {
        return isTokenApi(path) ? "/api" + path.substring(PREFIX.length()) : path;
    }

    /** The servlet path and path info of {@code request}. */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
