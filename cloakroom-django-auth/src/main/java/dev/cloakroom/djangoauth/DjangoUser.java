package dev.cloakroom.djangoauth;

import dev.cloakroom.contrib.auth.AuthUser;
import java.util.Objects;

/**
 * An active user of Django's user table, as {@link DjangoUsers} reads it.
 *
 * @param id the primary key as text ({@code "42"}), as Django stores it in {@code _auth_user_id}
 * @param username the {@code USERNAME_FIELD} value
 * @param passwordHash the stored hash ({@code user.password}), from which the session auth hash derives
 * @param backend the backend stored at login, by default Django's {@code ModelBackend}
 */
public record DjangoUser(String id, String username, String passwordHash, String backend)
        implements AuthUser {

    /** Checks that no component is null. */
    public DjangoUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(backend, "backend");
    }

    /** Leaves the password hash out. */
    @Override
    public String toString() {
        return "DjangoUser[id=" + id + ", username=" + username + "]";
    }
}
