package dev.cloakroom;

import java.util.Map;
import java.util.Optional;

/**
 * An engine that keeps the session in the cookie itself (Django's {@code signed_cookies}): the session
 * key <em>is</em> the signed data. {@link Session} reads and writes such sessions through these two
 * methods instead of through load, create and save; nothing is stored on the server, so nothing can be
 * revoked, and concurrent requests cannot conflict on the server (the last cookie the browser receives
 * wins).
 */
public interface ClientSideEngine extends SessionEngine {

    /**
     * Verifies a cookie value and returns the session data it carries; empty (after a WARN on the
     * {@code cloakroom.security} logger) if it is tampered with, signed with an unknown key, expired or
     * unreadable. Never throws for bad input.
     */
    Optional<Map<String, Object>> read(String cookieValue);

    /**
     * Returns the cookie value carrying {@code data}.
     *
     * @throws SessionTooLargeException if the cookie would exceed what browsers accept
     */
    String write(Map<String, Object> data);
}
