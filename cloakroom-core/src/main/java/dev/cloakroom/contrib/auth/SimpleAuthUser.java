package dev.cloakroom.contrib.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The {@link AuthUser} that {@link AuthUser#of} returns. */
record SimpleAuthUser(String id, @Nullable String passwordHash, String backend) implements AuthUser {

    SimpleAuthUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(backend, "backend");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("A user id must not be empty");
        }
    }

    @Override
    public String toString() {
        return "AuthUser[id=" + id + ", backend=" + backend + ", passwordHash="
                + (passwordHash == null ? "none" : "<masked>") + "]";
    }
}
