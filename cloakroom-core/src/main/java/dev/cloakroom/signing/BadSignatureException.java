package dev.cloakroom.signing;

/**
 * Thrown when a signed value is malformed or its signature matches none of the keys (Django's
 * {@code BadSignature}). The message never contains a secret.
 */
public class BadSignatureException extends Exception {

    /** Creates the exception with a message such as {@code Signature "…" does not match}. */
    public BadSignatureException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the exception that revealed the problem. */
    public BadSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
