package dev.cloakroom.config;

/**
 * A setting has a value that cannot be used. The message is one line that names the setting as the user
 * spelled it ({@code CLOAKROOM_COOKIE_AGE}, {@code --cookie-age}, {@code cookie-age}) and the value (never a
 * secret, and URLs without their passwords) and says what is expected.
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
