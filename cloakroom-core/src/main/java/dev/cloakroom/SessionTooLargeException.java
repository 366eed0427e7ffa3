package dev.cloakroom;

/** A session is too large for where it must be stored, for example a signed cookie over 4096 bytes. */
public final class SessionTooLargeException extends SessionException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the size and the limit. */
    public SessionTooLargeException(String message) {
        super(message);
    }
}
