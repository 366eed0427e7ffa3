package dev.cloakroom;

import org.jspecify.annotations.Nullable;

/** The root of Cloakroom's exceptions; unchecked. */
public class SessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message saying what went wrong and what to do next. */
    public SessionException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the exception that caused it. */
    public SessionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
