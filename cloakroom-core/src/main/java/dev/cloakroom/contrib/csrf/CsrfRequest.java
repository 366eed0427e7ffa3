package dev.cloakroom.contrib.csrf;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an HTTP request {@link CsrfCheck} reads; an HTTP adapter implements it over its own
 * request type (the servlet module's {@code CsrfFilter} does).
 */
public interface CsrfRequest {

    /** The request method, upper case ({@code POST}). */
    String method();

    /** Whether the request came over HTTPS (Django's {@code request.is_secure()}). */
    boolean isSecure();

    /** The host the client addressed, with the port if it sent one (the {@code Host} header). */
    String host();

    /** The port the server received the request on (Django's {@code SERVER_PORT}). */
    int serverPort();

    /** Returns the first value of a request header, or {@code null}; names are case-insensitive. */
    @Nullable String header(String name);

    /**
     * Returns a form field of the request body ({@code application/x-www-form-urlencoded} or
     * {@code multipart/form-data}), or {@code null}. Called only for POST, and only when the other checks
     * passed.
     */
    @Nullable String formField(String name);
}
