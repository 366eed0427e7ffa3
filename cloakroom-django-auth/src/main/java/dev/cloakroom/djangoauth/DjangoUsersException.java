package dev.cloakroom.djangoauth;

import org.jspecify.annotations.Nullable;

/**
 * Django's user table could not be read or written (the database is down, or the table or a column named
 * in {@link DjangoUsers.Builder} does not exist). The message names the table and the operation.
 */
public final class DjangoUsersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DjangoUsersException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
