package dev.cloakroom.signing;

/**
 * The salts (and the one key prefix) Django uses for the values Cloakroom reads and writes. They are
 * literal strings: using another value makes the output unreadable by Django and vice versa.
 */
public final class Salts {

    /** Salt of {@code session_data} for the db, cache, cached_db and file engines. */
    public static final String SESSION = "django.contrib.sessions.SessionStore";

    /** Salt of the {@code sessionid} cookie of the signed_cookies engine. */
    public static final String SIGNED_COOKIES = "django.contrib.sessions.backends.signed_cookies";

    /** Default salt of {@code django.core.signing.dumps} and {@code loads}. */
    public static final String DEFAULT = "django.core.signing";

    /** Salt of the {@code messages} cookie; the key is prefixed with {@link #COOKIE_SIGNER_KEY_PREFIX}. */
    public static final String MESSAGES = "django.contrib.messages";

    /** Key salt of the session auth hash ({@code _auth_user_hash}), used with {@link SaltedHmac}. */
    public static final String AUTH_HASH =
            "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash";

    /**
     * Prefix Django's {@code get_cookie_signer} puts in front of every secret key (not a salt); see
     * {@link SecretKey#withPrefix(String)}.
     */
    public static final String COOKIE_SIGNER_KEY_PREFIX = "django.http.cookies";

    private Salts() {
    }
}
