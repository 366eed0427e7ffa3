package dev.cloakroom.servlet;

import dev.cloakroom.middleware.CookieHeader;
import dev.cloakroom.middleware.Exchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;

/** The servlet container's request and response as an {@link Exchange}. */
final class ServletExchange implements Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final int status;
    private final String sessionCookieName;
    private final @Nullable String sessionCookie;

    /**
     * @param status the status the client will get, which may not be set on {@code response} yet
     * @param sessionCookieName the session cookie's name
     * @param sessionCookie its value in the request, already read ({@link #cookie}), or {@code null}
     */
    ServletExchange(HttpServletRequest request, HttpServletResponse response, int status,
            String sessionCookieName, @Nullable String sessionCookie) {
        this.request = request;
        this.response = response;
        this.status = status;
        this.sessionCookieName = sessionCookieName;
        this.sessionCookie = sessionCookie;
    }

    /**
     * The value of the last cookie named {@code name}, read from the {@code Cookie} headers as Django's
     * {@code parse_cookie} reads them ({@link CookieHeader}), not through the container's cookie parser:
     * the same cookies as Django, and no {@code Cookie} objects made for every cookie of every request.
     */
    static @Nullable String cookie(HttpServletRequest request, String name) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        String found = null;
        while (headers != null && headers.hasMoreElements()) {
            String value = CookieHeader.value(headers.nextElement(), name);
            if (value != null) {
                found = value;
            }
        }
        return found;
    }

    @Override
    public @Nullable String requestCookie(String name) {
        return name.equals(sessionCookieName) ? sessionCookie : cookie(request, name);
    }

    /** Headers cannot change once the response is committed; containers differ in how they refuse. */
    @Override
    public void addResponseHeader(String name, String value) {
        if (!response.isCommitted()) {
            response.addHeader(name, value);
        }
    }

    @Override
    public @Nullable String responseHeader(String name) {
        Collection<String> values = response.getHeaders(name);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public void setResponseHeader(String name, String value) {
        if (!response.isCommitted()) {
            response.setHeader(name, value);
        }
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }
}
