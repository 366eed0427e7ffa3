package dev.cloakroom.servlet;

import dev.cloakroom.SessionSettings;
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
    private final @Nullable String sessionHeader;
    private final @Nullable String requestedKey;
    private final boolean keyRead;

    /**
     * @param status the status the client will get, which may not be set on {@code response} yet
     * @param settings the session cookie's name and the session header's, if the key travels in one
     * @param requestedKey the session key in the request, already read, or {@code null}; given for the
     *     cookie, or for the header, whichever carries it
     * @param keyRead whether {@code requestedKey} was read already; if not, the session header is read raw
     */
    ServletExchange(HttpServletRequest request, HttpServletResponse response, int status,
            SessionSettings settings, @Nullable String requestedKey, boolean keyRead) {
        this.request = request;
        this.response = response;
        this.status = status;
        this.sessionCookieName = settings.cookieName();
        this.sessionHeader = settings.sessionHeader();
        this.requestedKey = requestedKey;
        this.keyRead = keyRead;
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
        return sessionHeader == null && name.equals(sessionCookieName) ? requestedKey : cookie(request, name);
    }

    /**
     * The last value of the request header {@code name}. Once the session header was read, it gives the key
     * read then, or an empty value for a header that held no valid key: checked and logged once per request.
     */
    @Override
    public @Nullable String requestHeader(String name) {
        if (keyRead && name.equalsIgnoreCase(sessionHeader)) {
            return requestedKey != null ? requestedKey : rawHeader(name) == null ? null : "";
        }
        return rawHeader(name);
    }

    private @Nullable String rawHeader(String name) {
        Enumeration<String> headers = request.getHeaders(name);
        String found = null;
        while (headers != null && headers.hasMoreElements()) {
            found = headers.nextElement();
        }
        return found;
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
