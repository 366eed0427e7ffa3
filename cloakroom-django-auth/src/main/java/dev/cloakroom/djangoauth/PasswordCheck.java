package dev.cloakroom.djangoauth;

import org.jspecify.annotations.Nullable;

/**
 * What {@link DjangoPasswordHasher#check} found: whether the password matched and, if it did and the
 * stored hash must be upgraded (Django's {@code must_update}), the new hash to store in its place.
 *
 * @param valid whether the password matches the stored hash
 * @param upgradedHash the password hashed anew with the configured hasher, when it matched and the stored
 *     hash is of another algorithm or cost; {@code null} otherwise
 */
public record PasswordCheck(boolean valid, @Nullable String upgradedHash) {

    /** A password that did not match. */
    static final PasswordCheck INVALID = new PasswordCheck(false, null);
}
