package dev.cloakroom.demo.config;

/**
 * A {@code CLOAKROOM_*} variable or flag has a value that cannot be used. The message is one line that
 * names the variable (or flag) and the value (never a secret) and says what is expected; the CLI prints
 * it and exits with status 2.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and its cause. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
