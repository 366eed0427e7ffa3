package dev.cloakroom.middleware;

/**
 * What {@link SessionMiddleware#finish} did to a response. With the key in a session header, read "cookie"
 * as that header and {@code Vary: Cookie} as {@code Vary} naming it.
 */
public enum Outcome {
    /** The session was not touched: no storage access, no header written. */
    UNTOUCHED,
    /** The session was read but needs no saving: {@code Vary: Cookie} only. */
    ACCESSED,
    /** The session was saved and its cookie set; {@code Vary: Cookie} was added. */
    SAVED,
    /** The request's cookie names a session that is now empty: cookie deleted, {@code Vary: Cookie}. */
    DELETED,
    /**
     * The session would have been saved, but the response status is 500 or more: nothing saved, no cookie.
     * {@code Vary: Cookie} was added if the session was accessed.
     */
    NOT_SAVED_SERVER_ERROR
}
