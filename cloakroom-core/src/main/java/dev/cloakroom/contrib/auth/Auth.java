package dev.cloakroom.contrib.auth;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.csrf.CsrfTokens;
import dev.cloakroom.signing.SaltedHmac;
import dev.cloakroom.signing.Salts;
import dev.cloakroom.signing.SecretKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Django's login, logout and session verification ({@code django.contrib.auth.login}, {@code get_user},
 * {@code logout}, {@code update_session_auth_hash}) on a {@link Session}, with Django's session keys, so a
 * user logged in by Django is logged in for Java and the other way round:
 *
 * <ul>
 *   <li>{@value #USER_ID_KEY}: the user's id as a string;</li>
 *   <li>{@value #BACKEND_KEY}: the backend's dotted path (by default {@value #DEFAULT_BACKEND});</li>
 *   <li>{@value #HASH_KEY}: the session auth hash, {@link #sessionAuthHash}.</li>
 * </ul>
 *
 * <p>Only {@link #login} and a verified {@link #currentUser} file a session under its user in engines'
 * user indexes ({@link Session#setVerifiedUser}); a user id merely stored in the data never does.
 *
 * <p>The secret key and its fallbacks come from {@code session.settings().secretKey()}. The session
 * auth hash is Django 4.0+'s (SHA-256); Django 3.2's transitional SHA-1 hashes are not accepted, as in
 * 4.0+, so such sessions are logged out once.
 *
 * <p>Stateless and thread-safe; each {@link Session} belongs to one request.
 */
public final class Auth {

    /** Django's {@code SESSION_KEY}: the logged-in user's id. */
    public static final String USER_ID_KEY = "_auth_user_id";
    /** Django's {@code BACKEND_SESSION_KEY}: the dotted path of the backend that logged the user in. */
    public static final String BACKEND_KEY = "_auth_user_backend";
    /** Django's {@code HASH_SESSION_KEY}: the session auth hash. */
    public static final String HASH_KEY = "_auth_user_hash";
    /** Django's default backend, {@code django.contrib.auth.backends.ModelBackend}. */
    public static final String DEFAULT_BACKEND = "django.contrib.auth.backends.ModelBackend";

    private Auth() {
    }

    /**
     * Logs {@code user} in, with Django's protection against session fixation: if the session belongs to
     * another user, or to this user under another auth hash (another password), it is flushed (emptied,
     * new key); if it is anonymous, its key is cycled and its data kept (a cart survives login): the old
     * record is deleted at once and the next save creates the new key's record with the login in it, one
     * write ({@link Session#cycleKeyAtSave()}); if it is already this user's with the same hash, the key
     * stays. Then stores the three auth keys and discards
     * the CSRF secret ({@link CsrfTokens#SESSION_KEY}), as Django's {@code rotate_token}: the next
     * {@link CsrfTokens#token} makes a new one.
     *
     * @throws IllegalArgumentException if the user's id or backend is empty
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded or cycled
     */
    public static void login(Session session, AuthUser user) {
        Objects.requireNonNull(session, "session");
        String id = requireText(user.id(), "id");
        String backend = requireText(user.backend(), "backend");
        String hash = hashFor(user, session.settings().secretKey().current());
        if (session.contains(USER_ID_KEY)) {
            String storedHash = session.get(HASH_KEY) instanceof String s ? s : "";
            if (!id.equals(userId(session)) || (!hash.isEmpty() && !constantTimeEquals(storedHash, hash))) {
                session.flush();
            }
        } else {
            session.cycleKeyAtSave();
        }
        session.put(USER_ID_KEY, id);
        session.put(BACKEND_KEY, backend);
        session.put(HASH_KEY, hash);
        session.remove(CsrfTokens.SESSION_KEY);
        session.setVerifiedUser(id);
    }

    /**
     * Returns the logged-in user, verified, or empty for an anonymous session (Django's {@code get_user}):
     *
     * <ul>
     *   <li>no user id or backend in the session, an untrusted backend, or a user {@code lookup} does not
     *       find: empty, and the session is left alone;</li>
     *   <li>the stored hash matches the user's hash under the current secret key (compared in constant
     *       time): the user;</li>
     *   <li>it matches under one of the secret key fallbacks (after a key rotation): the key is cycled,
     *       the current hash stored, and the user returned (Django 4.1+);</li>
     *   <li>otherwise (the password changed, or the hash is missing): the session is flushed and the
     *       result is empty. This is how a password change logs out every other session.</li>
     * </ul>
     *
     * @throws dev.cloakroom.SessionStorageException if the session cannot be loaded, cycled or flushed
     */
    public static <U extends AuthUser> Optional<U> currentUser(Session session, UserLookup<U> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        String id = userId(session);
        if (id == null || !(session.get(BACKEND_KEY) instanceof String backend)
                || !lookup.trustsBackend(backend)) {
            return Optional.empty();
        }
        Optional<U> found = lookup.findById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        U user = found.get();
        String password = user.passwordHash();
        if (password == null) {
            session.setVerifiedUser(id);
            return found;
        }
        SecretKey keys = session.settings().secretKey();
        String stored = session.get(HASH_KEY) instanceof String s ? s : "";
        String current = sessionAuthHash(password, keys.current());
        if (!stored.isEmpty() && constantTimeEquals(stored, current)) {
            session.setVerifiedUser(id);
            return found;
        }
        boolean matchesFallback = false;
        if (!stored.isEmpty()) {
            for (String fallback : keys.fallbacks()) {
                matchesFallback |= constantTimeEquals(stored, sessionAuthHash(password, fallback));
            }
        }
        if (matchesFallback) {
            session.setVerifiedUser(id);
            session.cycleKeyAtSave();
            session.put(HASH_KEY, current);
            return found;
        }
        session.flush();
        return Optional.empty();
    }

    /**
     * Logs out: flushes the session (every value, the CSRF secret and messages included, and a new key
     * at the next save), as Django's {@code logout}.
     *
     * @throws dev.cloakroom.SessionStorageException if the stored session cannot be deleted
     */
    public static void logout(Session session) {
        session.flush();
    }

    /**
     * Keeps this session logged in after {@code user}'s password changed (Django's
     * {@code update_session_auth_hash}): cycles the key and, if the session belongs to {@code user},
     * stores the hash of the new password. The user's other sessions fail verification at their next
     * {@link #currentUser} and are flushed.
     *
     * @param user the user with the new password hash
     * @throws dev.cloakroom.SessionStorageException if the session cannot be cycled
     */
    public static void updateSessionAuthHash(Session session, AuthUser user) {
        boolean own = user.id().equals(userId(session));
        if (own) {
            session.setVerifiedUser(user.id());
        }
        session.cycleKey();
        String password = user.passwordHash();
        if (password != null && own) {
            session.put(HASH_KEY, sessionAuthHash(password, session.settings().secretKey().current()));
        }
    }

    /**
     * Returns Django's session auth hash, {@code salted_hmac(Salts.AUTH_HASH, passwordHash, secret,
     * "sha256").hexdigest()}: 64 lower-case hex digits.
     */
    public static String sessionAuthHash(String passwordHash, String secret) {
        return SaltedHmac.sha256Hex(Salts.AUTH_HASH, passwordHash, secret);
    }

    /**
     * Returns the user id stored in the session ({@value #USER_ID_KEY}), unverified, or {@code null} for
     * none. Integer ids some older code stored as numbers are returned as text.
     */
    static @Nullable String userId(Session session) {
        Object id = session.get(USER_ID_KEY);
        if (id instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
            return id.toString();
        }
        return null;
    }

    private static String hashFor(AuthUser user, String secret) {
        String password = user.passwordHash();
        return password == null ? "" : sessionAuthHash(password, secret);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String requireText(@Nullable String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("AuthUser." + what + "() must not be empty");
        }
        return value;
    }
}
