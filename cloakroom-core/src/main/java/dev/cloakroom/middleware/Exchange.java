package dev.cloakroom.middleware;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its response, as {@link SessionMiddleware} needs to see them: the request's
 * cookies (or one header), the response's headers and status. An adapter for an HTTP stack (a servlet
 * container, a framework) implements it in a few lines; it is used for one request only and need not be
 * thread-safe.
 *
 * <p>The middleware writes headers only while the response can still take them. An adapter must call
 * {@link SessionMiddleware#finish} before the response is committed (before its headers are sent).
 */
public interface Exchange {

    /**
     * Returns the value of the request cookie named {@code name}, or {@code null} if the request carried
     * none. If it carried several with that name, the last one wins, as in Django.
     */
    @Nullable String requestCookie(String name);

    /**
     * Returns whether the request carried a cookie named {@code name}, even with an empty value. By
     * default, whether {@link #requestCookie} is not {@code null}.
     */
    default boolean hasRequestCookie(String name) {
        return requestCookie(name) != null;
    }

    /**
     * Returns the value of the request header named {@code name} (any case), or {@code null} if the request
     * carried none; if it carried several, the last one. Used only when the session key travels in a header
     * ({@code SessionSettings.sessionHeader}); by default this throws
     * {@link UnsupportedOperationException}, so an adapter written before header support fails loudly
     * instead of never finding a session.
     */
    default @Nullable String requestHeader(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " does not read request headers: "
                + "implement Exchange.requestHeader to carry the session key in the " + name + " header");
    }

    /** Adds a response header, keeping any other header of the same name (used for {@code Set-Cookie}). */
    void addResponseHeader(String name, String value);

    /** Adds one {@code Set-Cookie} response header, as {@link SetCookieHeader} makes it. */
    default void addSetCookie(String header) {
        addResponseHeader("Set-Cookie", header);
    }

    /**
     * Returns the response header named {@code name} (any case), or {@code null} if it is not set. If it
     * is set several times, the values are joined with {@code ", "}, as repeated headers mean in HTTP.
     */
    @Nullable String responseHeader(String name);

    /** Sets a response header, replacing every value it had (used for {@code Vary}). */
    void setResponseHeader(String name, String value);

    /** The response status as it will be sent; the middleware saves nothing when it is 500 or more. */
    int status();

    /** Whether the request came over HTTPS (or a proxy the adapter trusts says so). */
    boolean isSecure();
}
