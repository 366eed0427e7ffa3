package dev.cloakroom.springsecurity;

import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Maps Spring Security's users, known by username, to Django's sessions, which name a user by primary key
 * ({@code _auth_user_id}). At login {@link DjangoSecurityContextRepository} asks {@link #idOf} for the id to
 * store; on later requests it asks {@link #findById} for the user, whose {@link UserDetails#getPassword()} is
 * the stored password hash the session auth hash is checked against.
 *
 * <p>For an application sharing Django's {@code auth_user} table, {@link DjangoUserDetailsService} is both
 * the {@code UserDetailsService} and this resolver. For users of the application's own, whose usernames
 * serve as ids, {@link #usernameAsId}. Implementations must be thread-safe.
 */
public interface DjangoUserResolver {

    /**
     * Returns the Django primary key, as text ({@code "42"}), of the user Spring Security authenticated under
     * {@code username} ({@code Authentication.getName()}), or empty if there is no such user.
     */
    Optional<String> idOf(String username);

    /**
     * Returns the user whose primary key is {@code id}, with its current password hash, or empty if there is
     * none. A user that is disabled, locked or expired counts as logged out (the session is kept, as Django
     * keeps the session of an inactive user).
     */
    Optional<UserDetails> findById(String id);

    /**
     * A resolver for applications whose user ids are their usernames (no Django user table): the id stored
     * in the session is the username, and users are found through {@code users}. A Django sharing the
     * store sees the username in {@code _auth_user_id}, which its {@code ModelBackend} cannot resolve.
     */
    static DjangoUserResolver usernameAsId(UserDetailsService users) {
        return new UsernameAsId(Objects.requireNonNull(users, "users"));
    }
}
