package dev.cloakroom.contrib.auth;

import java.util.Optional;

/**
 * Finds the application's users for {@link Auth#currentUser}: Django's {@code backend.get_user(id)}.
 * Implementations must be thread-safe; they are called once per {@code currentUser} call.
 *
 * @param <U> the application's user type
 */
@FunctionalInterface
public interface UserLookup<U extends AuthUser> {

    /**
     * Returns the user with this id, or empty if there is none (for example a deleted user: the session
     * then counts as anonymous but is kept, as in Django).
     *
     * @param id the value of {@code _auth_user_id}, as text
     */
    Optional<U> findById(String id);

    /**
     * Returns whether sessions logged in through {@code backend} (the stored {@code _auth_user_backend})
     * are trusted, Django's check against {@code AUTHENTICATION_BACKENDS}; a session naming an
     * untrusted backend counts as anonymous. By default every backend is trusted.
     */
    default boolean trustsBackend(String backend) {
        return true;
    }
}
