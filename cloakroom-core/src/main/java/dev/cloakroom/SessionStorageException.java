package dev.cloakroom;

/**
 * The storage behind an engine failed: a database or Redis that is down, too slow, or refused the
 * statement. The message names the storage and the operation; the cause is the driver's exception.
 */
public final class SessionStorageException extends SessionException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} names the storage and what was being done. */
    public SessionStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception without a cause. */
    public SessionStorageException(String message) {
        super(message);
    }
}
