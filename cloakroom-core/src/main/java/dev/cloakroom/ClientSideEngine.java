package dev.cloakroom;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An engine that keeps the session in the cookie itself (Django's {@code signed_cookies}): the session
 * key <em>is</em> the signed data. {@link Session} reads and writes such sessions through these two
 * methods only: nothing is stored on the server, so nothing can be revoked, and concurrent requests
 * cannot conflict on the server (the last cookie the browser receives wins).
 */
public non-sealed interface ClientSideEngine extends SessionEngine {

    /**
     * A verified cookie: the session data it carries and when it was written (signed).
     *
     * @param data the session data
     * @param writtenAt when the cookie was written, from which a per-session expiry in seconds counts
     */
    record CookieSession(Map<String, Object> data, Instant writtenAt) {
        /** Checks that neither component is null. */
        public CookieSession {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(writtenAt, "writtenAt");
        }
    }

    /**
     * Verifies a cookie value and returns the session data it carries with the time it was written; empty
     * (after a WARN on the {@code cloakroom.security} logger) if it is tampered with, signed with an
     * unknown key, older than the cookie age or unreadable. Never throws for bad input. A per-session
     * expiry inside the data ({@code _session_expiry}) is not the engine's business: {@link Session}
     * applies it, with the same rules as for every other engine.
     */
    Optional<CookieSession> read(String cookieValue);

    /**
     * Returns the cookie value carrying {@code data}.
     *
     * @throws SessionTooLargeException if the cookie would exceed what browsers accept
     */
    String write(Map<String, Object> data);
}
