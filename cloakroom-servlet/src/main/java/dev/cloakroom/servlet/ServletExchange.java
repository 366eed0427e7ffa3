package dev.cloakroom.servlet;

import dev.cloakroom.middleware.Exchange;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** The servlet container's request and response as an {@link Exchange}. */
final class ServletExchange implements Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final int status;

    /** @param status the status the client will get, which may not be set on {@code response} yet */
    ServletExchange(HttpServletRequest request, HttpServletResponse response, int status) {
        this.request = request;
        this.response = response;
        this.status = status;
    }

    /** The value of the last cookie named {@code name}, as Django's {@code request.COOKIES} keeps it. */
    static @Nullable String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        String value = null;
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    value = c.getValue() == null ? "" : c.getValue();
                }
            }
        }
        return value;
    }

    @Override
    public @Nullable String requestCookie(String name) {
        return cookie(request, name);
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
