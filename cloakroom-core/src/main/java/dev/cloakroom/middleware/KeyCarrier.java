package dev.cloakroom.middleware;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How the session key travels between client and server: in a cookie, or in a header. */
interface KeyCarrier {

    /** The key the request carried, or {@code null} if none (or none worth reading). */
    @Nullable String requested(Exchange exchange);

    /** Whether the request carried the key's cookie or header at all, even empty or invalid. */
    boolean wasSent(Exchange exchange);

    /**
     * Hands the client {@code key}; {@code maxAge} and {@code expires} are {@code null} for a session that
     * ends with the browser.
     */
    void issue(Exchange exchange, String key, @Nullable Long maxAge, @Nullable Instant expires);

    /** Tells the client to drop the key it sent. */
    void remove(Exchange exchange);

    /** The request header responses vary on: {@code Cookie}, or the session header. */
    String varyOn();
}
