package dev.cloakroom.springsecurity;

import dev.cloakroom.djangoauth.DjangoUser;
import dev.cloakroom.djangoauth.DjangoUsers;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's users from Django's user table ({@link DjangoUsers}, {@code auth_user} by default), for
 * an application sharing a Django application's database: the {@link UserDetailsService} form login
 * authenticates against (with {@link DjangoPasswordEncoder}) and the {@link DjangoUserResolver} that maps the
 * session's {@code _auth_user_id} (the primary key) to the user. Only active users ({@code is_active}) are
 * found, as Django's {@code ModelBackend} does. As a {@link UserDetailsPasswordService} it stores the hash
 * Spring Security makes anew at login when {@link DjangoPasswordEncoder#upgradeEncoding} says so (another
 * algorithm, fewer iterations), as Django's {@code check_password} does. Thread-safe; one query per call.
 */
public final class DjangoUserDetailsService
        implements UserDetailsService, UserDetailsPasswordService, DjangoUserResolver {

    /** The authority every user gets by default. */
    public static final String DEFAULT_AUTHORITY = "ROLE_USER";

    private final DjangoUsers users;
    private final Function<DjangoUser, Collection<? extends GrantedAuthority>> authorities;

    /** Users of {@code users}, each with the single authority {@value #DEFAULT_AUTHORITY}. */
    public DjangoUserDetailsService(DjangoUsers users) {
        this(users, user -> List.of(new SimpleGrantedAuthority(DEFAULT_AUTHORITY)));
    }

    /** Users of {@code users}, with the authorities {@code authorities} gives each (read your own tables). */
    public DjangoUserDetailsService(DjangoUsers users,
            Function<DjangoUser, Collection<? extends GrantedAuthority>> authorities) {
        this.users = Objects.requireNonNull(users, "users");
        this.authorities = Objects.requireNonNull(authorities, "authorities");
    }

    /**
     * Returns the active user with this username.
     *
     * @throws UsernameNotFoundException if there is none
     * @throws dev.cloakroom.djangoauth.DjangoUsersException if the table cannot be read
     */
    @Override
    public DjangoUserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(this::details)
                .orElseThrow(() -> new UsernameNotFoundException("No active user with that username"));
    }

    @Override
    public Optional<String> idOf(String username) {
        return users.findByUsername(username).map(DjangoUser::id);
    }

    @Override
    public Optional<UserDetails> findById(String id) {
        return users.findById(id).map(this::details);
    }

    /**
     * Stores {@code newPassword}, the hash Spring Security made anew at login, in place of the user's old
     * one (compare-and-set on it), and returns the user with it.
     *
     * @throws dev.cloakroom.djangoauth.DjangoUsersException if the table cannot be written, or the hash
     *     changed meanwhile
     */
    @Override
    public DjangoUserDetails updatePassword(UserDetails user, String newPassword) {
        DjangoUser current = user instanceof DjangoUserDetails details ? details.djangoUser()
                : loadUserByUsername(user.getUsername()).djangoUser();
        return details(users.setPasswordHash(current, newPassword));
    }

    private DjangoUserDetails details(DjangoUser user) {
        return new DjangoUserDetails(user, authorities.apply(user));
    }

    @Override
    public String toString() {
        return "DjangoUserDetailsService[" + users + "]";
    }
}
