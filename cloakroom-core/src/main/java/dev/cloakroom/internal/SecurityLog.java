package dev.cloakroom.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code cloakroom.security} logger: Django's {@code django.security.SuspiciousSession}. Tampered
 * cookies and unreadable stored sessions are logged here once, as WARN, and never reach the caller.
 */
public final class SecurityLog {

    /** The logger's name. */
    public static final String NAME = "cloakroom.security";

    private static final Logger LOG = LoggerFactory.getLogger(NAME);

    private SecurityLog() {
    }

    /** Logs one suspicious input; {@code what} says what was rejected and why, never a key or secret. */
    public static void suspicious(String what) {
        LOG.warn(what);
    }
}
