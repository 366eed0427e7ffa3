package dev.cloakroom.interop;

import dev.cloakroom.contrib.auth.AuthUser;

/**
 * A row of Django's {@code auth_user}, as a Java service sees it.
 *
 * @param id the primary key, as text
 * @param username the username
 * @param passwordHash Django's stored hash, for example {@code pbkdf2_sha256$260000$salt$hash}
 */
record DjangoUser(String id, String username, String passwordHash) implements AuthUser {
}
