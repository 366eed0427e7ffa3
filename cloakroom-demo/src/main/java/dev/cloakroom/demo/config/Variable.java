package dev.cloakroom.demo.config;

/**
 * One setting of the demo and the CLI: its environment variable, the command-line flag that overrides
 * it, and its default as the README shows it. Each maps onto one {@code SessionSettings.Builder} method
 * or engine builder.
 */
public enum Variable {
    /**
     * The engine: {@code db}, {@code cache}, {@code cached_db}, {@code file}, {@code signed_cookies}, {@code
     * memory}.
     */
    ENGINE("CLOAKROOM_ENGINE", "--engine", "db"),
    /** The JDBC URL of the {@code db} and {@code cached_db} engines. */
    DATABASE_URL("CLOAKROOM_DATABASE_URL", "--database-url", EnvironmentConfig.DEFAULT_DATABASE_URL),
    /** The Redis URI of the {@code cache} and {@code cached_db} engines. */
    REDIS_URL("CLOAKROOM_REDIS_URL", "--redis-url", EnvironmentConfig.DEFAULT_REDIS_URL),
    /** The prefix of every Redis key of the {@code cache} and {@code cached_db} engines. */
    REDIS_KEY_PREFIX("CLOAKROOM_REDIS_KEY_PREFIX", "--redis-key-prefix", "cloakroom:session:"),
    /** The directory of the {@code file} engine ({@code SESSION_FILE_PATH}). */
    FILE_PATH("CLOAKROOM_FILE_PATH", "--file-path", "the system's temporary directory"),
    /** {@code SECRET_KEY}. */
    SECRET_KEY("CLOAKROOM_SECRET_KEY", "--secret-key", "generated once into ./.cloakroom-secret"),
    /** {@code SECRET_KEY_FALLBACKS}, comma-separated. */
    SECRET_KEY_FALLBACKS("CLOAKROOM_SECRET_KEY_FALLBACKS", "--secret-key-fallbacks", "none"),
    /** {@code SESSION_COOKIE_NAME}. */
    COOKIE_NAME("CLOAKROOM_COOKIE_NAME", "--cookie-name", "sessionid"),
    /** {@code SESSION_COOKIE_AGE}, in seconds. */
    COOKIE_AGE("CLOAKROOM_COOKIE_AGE", "--cookie-age", "1209600"),
    /** {@code SESSION_COOKIE_SECURE}. */
    COOKIE_SECURE("CLOAKROOM_COOKIE_SECURE", "--cookie-secure", "false"),
    /** {@code SESSION_COOKIE_HTTPONLY}. */
    COOKIE_HTTPONLY("CLOAKROOM_COOKIE_HTTPONLY", "--cookie-httponly", "true"),
    /** {@code SESSION_COOKIE_SAMESITE}: {@code Lax}, {@code Strict}, {@code None} or {@code false}. */
    COOKIE_SAMESITE("CLOAKROOM_COOKIE_SAMESITE", "--cookie-samesite", "Lax"),
    /** {@code SESSION_COOKIE_DOMAIN}. */
    COOKIE_DOMAIN("CLOAKROOM_COOKIE_DOMAIN", "--cookie-domain", "none (host-only)"),
    /** {@code SESSION_COOKIE_PATH}. */
    COOKIE_PATH("CLOAKROOM_COOKIE_PATH", "--cookie-path", "/"),
    /** {@code SESSION_SAVE_EVERY_REQUEST}. */
    SAVE_EVERY_REQUEST("CLOAKROOM_SAVE_EVERY_REQUEST", "--save-every-request", "false"),
    /** {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}. */
    EXPIRE_AT_BROWSER_CLOSE("CLOAKROOM_EXPIRE_AT_BROWSER_CLOSE", "--expire-at-browser-close", "false"),
    /** The demo's TCP port on 127.0.0.1; 0 picks a free one. */
    PORT("CLOAKROOM_PORT", "--port", "8000"),
    /** Whether the demo logs in the users of the Django database it shares ({@code auth_user}). */
    DJANGO_USERS("CLOAKROOM_DJANGO_USERS", "--django-users", "0 (the demo's alice and bob)"),
    /** The Django release sharing the store: {@code 3.2}, {@code 4.2} or {@code 5.2}. */
    DJANGO_VERSION("CLOAKROOM_DJANGO_VERSION", "--django-version", "5.2");

    private final String environmentName;
    private final String flag;
    private final String defaultDescription;

    Variable(String environmentName, String flag, String defaultDescription) {
        this.environmentName = environmentName;
        this.flag = flag;
        this.defaultDescription = defaultDescription;
    }

    /** The environment variable, for example {@code CLOAKROOM_COOKIE_AGE}. */
    public String environmentName() {
        return environmentName;
    }

    /** The flag that overrides it, for example {@code --cookie-age}. */
    public String flag() {
        return flag;
    }

    /** The default, in words. */
    public String defaultDescription() {
        return defaultDescription;
    }
}
