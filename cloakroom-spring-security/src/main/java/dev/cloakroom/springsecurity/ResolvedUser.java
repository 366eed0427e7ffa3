package dev.cloakroom.springsecurity;

import dev.cloakroom.contrib.auth.AuthUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;

/** A Spring Security user with its Django id, as {@link dev.cloakroom.contrib.auth.Auth} needs it. */
record ResolvedUser(String id, UserDetails details, String backend) implements AuthUser {

    @Override
    public @Nullable String passwordHash() {
        return details.getPassword();
    }

    @Override
    public String toString() {
        return "ResolvedUser[id=" + id + ", username=" + details.getUsername() + "]";
    }
}
