package dev.cloakroom.contrib.auth;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Auth} needs to know about a user: Cloakroom has no user table of its own, so the
 * application's user type implements this (or wraps its user in it).
 *
 * <p>Implementations should be immutable; {@link Auth} reads each method once per call.
 */
public interface AuthUser {

    /**
     * The user's primary key as text, exactly as Django's {@code pk.value_to_string} writes it into
     * {@code _auth_user_id} (for an integer key, {@code "42"}). Never empty.
     */
    String id();

    /**
     * The full stored password hash, Django's {@code user.password} (for example
     * {@code pbkdf2_sha256$260000$salt$hash}), from which the session auth hash is derived; changing it
     * logs out every other session of the user. {@code null} for a user without a password hash: such
     * sessions are then not verified at all, as Django does for users without
     * {@code get_session_auth_hash}.
     */
    @Nullable String passwordHash();

    /**
     * The dotted path of the authentication backend stored in {@code _auth_user_backend}; by default
     * {@link Auth#DEFAULT_BACKEND}, Django's {@code ModelBackend}, so that Django accepts sessions logged
     * in by Java.
     */
    default String backend() {
        return Auth.DEFAULT_BACKEND;
    }

    /**
     * Returns a plain user with the default backend.
     *
     * @throws IllegalArgumentException if {@code id} is empty
     */
    static AuthUser of(String id, @Nullable String passwordHash) {
        return new SimpleAuthUser(id, passwordHash, Auth.DEFAULT_BACKEND);
    }
}
