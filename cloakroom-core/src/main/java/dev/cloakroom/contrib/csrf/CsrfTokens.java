package dev.cloakroom.contrib.csrf;

import dev.cloakroom.Session;
import dev.cloakroom.internal.CsrfMasking;
import org.jspecify.annotations.Nullable;

/**
 * The CSRF secret kept in the session, as Django does with {@code CSRF_USE_SESSIONS = True}, under
 * {@value #SESSION_KEY}: the unmasked 32-character secret (Django 4.0+), or, when the settings'
 * {@link dev.cloakroom.DjangoVersion} is 3.2, a 64-character masked token, the only form Django 3.2 reads.
 * Both forms are read whatever the setting; a value in the other form is rewritten in the configured one
 * when a token is handed out. Pages get a freshly masked token per call, so the token
 * in a page changes on every response (BREACH protection) while every one of them stays valid until
 * the secret changes: at {@link #rotate}, at login, and at logout (the session is flushed).
 *
 * <p>Stateless and thread-safe; each {@link Session} belongs to one request.
 */
public final class CsrfTokens {

    /** Django's {@code CSRF_SESSION_KEY}. */
    public static final String SESSION_KEY = "_csrftoken";
    /** The form field Django reads the token from on POST. */
    public static final String FORM_FIELD = "csrfmiddlewaretoken";
    /** The request header Django reads the token from ({@code CSRF_HEADER_NAME}'s default). */
    public static final String HEADER = "X-CSRFToken";

    private CsrfTokens() {
    }

    /**
     * Returns a token to put in a form field or give to scripts (Django's {@code get_token}): the session's
     * secret masked with a fresh random mask, 64 characters. Creates and stores a secret if the session
     * has none (or has one that is malformed), and rewrites a stored value that is not in the form of the
     * configured Django version.
     *
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded
     */
    public static String token(Session session) {
        Object stored = session.get(SESSION_KEY);
        String secret = secretOf(stored);
        boolean fresh = secret == null;
        if (secret == null) {
            secret = CsrfMasking.newSecret();
        }
        if (fresh || !(stored instanceof String value) || !isInConfiguredForm(session, value, secret)) {
            session.put(SESSION_KEY, storedForm(session, secret));
        }
        return CsrfMasking.mask(secret);
    }

    /**
     * Replaces the session's secret by a new one (Django's {@code rotate_token}): every token handed out
     * before becomes invalid.
     *
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded
     */
    public static void rotate(Session session) {
        session.put(SESSION_KEY, storedForm(session, CsrfMasking.newSecret()));
    }

    private static boolean masksForDjango32(Session session) {
        return !session.settings().djangoVersion().atLeast(4, 0);
    }

    /** What is stored for {@code secret}: itself, or a masked token of it for Django 3.2. */
    private static String storedForm(Session session, String secret) {
        return masksForDjango32(session) ? CsrfMasking.mask(secret) : secret;
    }

    private static boolean isInConfiguredForm(Session session, String stored, String secret) {
        return masksForDjango32(session) ? stored.length() == CsrfMasking.TOKEN_LENGTH
                : stored.equals(secret);
    }

    /**
     * Returns whether {@code submitted} (a 64-character masked token, or the 32-character secret itself)
     * matches the session's secret, compared in constant time. False if either is missing or malformed.
     * Never changes the session.
     *
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded
     */
    public static boolean isValid(Session session, @Nullable String submitted) {
        String secret = secret(session);
        return secret != null && submitted != null && CsrfMasking.matches(submitted, secret);
    }

    /** Returns the session's secret, unmasked, or {@code null} if it has none or a malformed one. */
    static @Nullable String secret(Session session) {
        return secretOf(session.get(SESSION_KEY));
    }

    private static @Nullable String secretOf(@Nullable Object stored) {
        if (!(stored instanceof String value)) {
            return null;
        }
        if (value.length() == CsrfMasking.TOKEN_LENGTH) {
            try {
                return CsrfMasking.unmask(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        // A well-formed secret matches itself; anything else is not a usable secret.
        return CsrfMasking.matches(value, value) ? value : null;
    }
}
