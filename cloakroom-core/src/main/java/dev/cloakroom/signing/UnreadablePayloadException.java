package dev.cloakroom.signing;

/**
 * Thrown when a value's signature is valid but its payload cannot be read: bad base64, a bad or
 * truncated zlib stream, a decompressed size over the limit, or bad JSON. Since only a holder of the
 * secret key can sign, this points to a bug or an incompatible producer rather than to tampering.
 */
public final class UnreadablePayloadException extends Exception {

    /** Creates the exception with a message saying what could not be read. */
    public UnreadablePayloadException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the exception that revealed the problem. */
    public UnreadablePayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
