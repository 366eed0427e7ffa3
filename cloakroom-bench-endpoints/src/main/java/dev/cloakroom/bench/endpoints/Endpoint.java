package dev.cloakroom.bench.endpoints;

import org.jspecify.annotations.Nullable;

/** The four endpoints of the bench app, each under every variant's path ({@code /<variant>/<endpoint>}). */
public enum Endpoint {
    /** Does not touch the session (the request still carries its cookie). */
    NONE("none", true),
    /** Reads one value of an existing session. */
    READ("read", true),
    /** Increments a counter in an existing session. */
    INCR("incr", true),
    /** Creates a session and logs a user in (no cookie sent). */
    LOGIN("login", false);

    private final String path;
    private final boolean needsSession;

    Endpoint(String path, boolean needsSession) {
        this.path = path;
        this.needsSession = needsSession;
    }

    /** The path segment, e.g. {@code read}. */
    public String path() {
        return path;
    }

    /** Whether requests carry the cookie of an existing session. */
    public boolean needsSession() {
        return needsSession;
    }

    /** The endpoint whose path segment is {@code path}, or {@code null}. */
    public static @Nullable Endpoint ofPath(String path) {
        for (Endpoint e : values()) {
            if (e.path.equals(path)) {
                return e;
            }
        }
        return null;
    }
}
