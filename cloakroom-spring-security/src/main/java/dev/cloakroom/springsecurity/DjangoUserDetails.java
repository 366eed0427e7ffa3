package dev.cloakroom.springsecurity;

import dev.cloakroom.djangoauth.DjangoUser;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user of Django's user table as Spring Security sees it: {@link DjangoUserDetailsService} makes them.
 * Only active users are ever made, so every account flag is true. Immutable.
 */
public final class DjangoUserDetails implements UserDetails {

    private static final long serialVersionUID = 1L;

    private final DjangoUser user;
    private final List<GrantedAuthority> authorities;

    /** A user with these authorities. */
    public DjangoUserDetails(DjangoUser user, Collection<? extends GrantedAuthority> authorities) {
        this.user = Objects.requireNonNull(user, "user");
        this.authorities = List.copyOf(authorities);
    }

    /** The Django user: primary key, username, password hash, backend. */
    public DjangoUser djangoUser() {
        return user;
    }

    /** The primary key as text, as stored in {@code _auth_user_id}. */
    public String id() {
        return user.id();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    /** The stored password hash, Django's {@code user.password}. */
    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DjangoUserDetails d && d.user.id().equals(user.id());
    }

    @Override
    public int hashCode() {
        return user.id().hashCode();
    }

    /** Leaves the password hash out. */
    @Override
    public String toString() {
        return "DjangoUserDetails[id=" + user.id() + ", username=" + user.username() + ", authorities="
                + authorities + "]";
    }
}
