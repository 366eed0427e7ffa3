package dev.cloakroom.springsecurity;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** {@link DjangoUserResolver#usernameAsId}: the username is the id. */
record UsernameAsId(UserDetailsService users) implements DjangoUserResolver {

    @Override
    public Optional<String> idOf(String username) {
        return findById(username).map(UserDetails::getUsername);
    }

    @Override
    public Optional<UserDetails> findById(String id) {
        try {
            return Optional.ofNullable(users.loadUserByUsername(id));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
