package dev.cloakroom;

/**
 * The session was deleted by another request (a logout elsewhere, a revoke) while this request was
 * using it, so saving it would resurrect it: Django's {@code SessionInterrupted}. The middleware answers
 * such a request with 400.
 */
public final class SessionInterruptedException extends SessionException {

    private static final long serialVersionUID = 1L;

    /** Django's message for this case. */
    public static final String MESSAGE = "The request's session was deleted before the request completed. "
            + "The user may have logged out in a concurrent request, for example.";

    /** Creates the exception with Django's message. */
    public SessionInterruptedException() {
        super(MESSAGE);
    }
}
