package dev.cloakroom.contrib.csrf;

import dev.cloakroom.Session;
import dev.cloakroom.signing.CsrfMasking;
import org.jspecify.annotations.Nullable;

/**
 * The CSRF secret kept in the session, as Django does with {@code CSRF_USE_SESSIONS = True}: the
 * unmasked 32-character secret under {@value #SESSION_KEY} (Django 4.0+; a 64-character masked value, as
 * Django 3.2 stored it, is read by unmasking it). Pages get a freshly masked token per call, so the token
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
     * has none (or has one that is malformed), and replaces a stored Django 3.2 masked value by its
     * secret.
     *
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded
     */
    public static String token(Session session) {
        Object stored = session.get(SESSION_KEY);
        String secret = secretOf(stored);
        if (secret == null) {
            secret = CsrfMasking.newSecret();
        }
        if (!secret.equals(stored)) {
            session.put(SESSION_KEY, secret);
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
        session.put(SESSION_KEY, CsrfMasking.newSecret());
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
