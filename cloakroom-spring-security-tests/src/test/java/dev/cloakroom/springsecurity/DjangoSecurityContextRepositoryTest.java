package dev.cloakroom.springsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.servlet.Sessions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * {@link DjangoSecurityContextRepository}, {@link CycleKeySessionAuthenticationStrategy} and
 * {@link DjangoLogoutHandler} request by request, on sessions of the {@code memory} engine and users of
 * Spring's {@link InMemoryUserDetailsManager} ({@link DjangoUserResolver#usernameAsId}). The same rules over
 * HTTP, on PostgreSQL and Django's {@code auth_user}: {@code SpringSecurityLoginIT}.
 */
class DjangoSecurityContextRepositoryTest {

    private final MemoryEngine engine = MemoryEngine.create();
    private final SessionSettings settings = SessionSettings.builder().secretKey("repository-test").build();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("ann").password("pbkdf2_sha256$1$salt$ann").roles("USER").build());
    private final DjangoSecurityContextRepository contexts =
            new DjangoSecurityContextRepository(DjangoUserResolver.usernameAsId(users));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** A request whose session {@code SessionFilter} opened for {@code key}. */
    private MockHttpServletRequest request(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(Sessions.ATTRIBUTE, Session.open(engine, settings, key));
        return request;
    }

    private static Session session(MockHttpServletRequest request) {
        return Sessions.of(request);
    }

    private static SecurityContext contextOf(Authentication authentication) {
        return new SecurityContextImpl(authentication);
    }

    private static Authentication ann() {
        return UsernamePasswordAuthenticationToken.authenticated("ann", null,
                AuthorityUtils.createAuthorityList("ROLE_USER"));
    }

    /** Logs ann in on a new session, saves it as the filter would, and returns its key. */
    private String loggedIn() {
        MockHttpServletRequest login = request(null);
        contexts.saveContext(contextOf(ann()), login, response);
        session(login).save();
        return session(login).key();
    }

    @Test
    void anonymousAndEmptyContextsStoreNothing() {
        MockHttpServletRequest request = request(null);
        contexts.saveContext(contextOf(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))), request, response);
        contexts.saveContext(new SecurityContextImpl(), request, response);

        assertThat(session(request).isEmpty()).isTrue();
        assertThat(session(request).isModified()).isFalse();
        assertThat(contexts.containsContext(request)).isFalse();
    }

    @Test
    void anAuthenticatedContextIsStoredAsDjangosLoginAndLoadedBack() {
        String key = loggedIn();

        Session stored = Session.open(engine, settings, key);
        assertThat(stored.keys())
                .containsExactlyInAnyOrder(Auth.USER_ID_KEY, Auth.BACKEND_KEY, Auth.HASH_KEY);
        assertThat(stored.get(Auth.USER_ID_KEY)).isEqualTo("ann");
        assertThat(stored.get(Auth.HASH_KEY))
                .isEqualTo(Auth.sessionAuthHash("pbkdf2_sha256$1$salt$ann", "repository-test"));

        MockHttpServletRequest next = request(key);
        DeferredSecurityContext context = contexts.loadDeferredContext(next);
        assertThat(context.isGenerated()).isFalse();
        Authentication authentication = context.get().getAuthentication();
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getCredentials()).isNull();
        assertThat(authentication.getPrincipal()).isInstanceOfSatisfying(UserDetails.class,
                user -> assertThat(user.getUsername()).isEqualTo("ann"));
        assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
                .containsExactly("ROLE_USER");
        assertThat(contexts.containsContext(next)).isTrue();
    }

    @Test
    void anAnonymousSessionIsLoggedInUnderANewKeyWithItsData() {
        MockHttpServletRequest first = request(null);
        session(first).put("cart", List.of("book"));
        session(first).save();
        String anonymousKey = session(first).key();
        MockHttpServletRequest login = request(anonymousKey);

        new CycleKeySessionAuthenticationStrategy().onAuthentication(ann(), login, response);
        contexts.saveContext(contextOf(ann()), login, response);
        session(login).save();

        assertThat(session(login).key()).isNotEqualTo(anonymousKey);
        assertThat(engine.exists(anonymousKey)).isFalse();
        assertThat(Session.open(engine, settings, session(login).key()).get("cart"))
                .isEqualTo(List.of("book"));
    }

    @Test
    void aChangedPasswordFlushesTheSession() {
        String key = loggedIn();
        users.updatePassword(users.loadUserByUsername("ann"), "pbkdf2_sha256$1$salt$changed");

        MockHttpServletRequest next = request(key);
        DeferredSecurityContext context = contexts.loadDeferredContext(next);

        assertThat(context.isGenerated()).isTrue();
        assertThat(context.get().getAuthentication()).isNull();
        assertThat(contexts.containsContext(next)).isFalse();
        assertThat(engine.exists(key)).isFalse();
        assertThat(session(next).key()).isNull();
    }

    @Test
    void updateSessionAuthHashKeepsTheCurrentSessionLoggedIn() {
        String key = loggedIn();
        users.updatePassword(users.loadUserByUsername("ann"), "pbkdf2_sha256$1$salt$changed");
        MockHttpServletRequest change = request(key);

        contexts.updateSessionAuthHash(change);
        session(change).save();

        String newKey = session(change).key();
        assertThat(newKey).isNotEqualTo(key);
        assertThat(contexts.containsContext(request(newKey))).isTrue();
        assertThat(Session.open(engine, settings, newKey).get(Auth.HASH_KEY))
                .isEqualTo(Auth.sessionAuthHash("pbkdf2_sha256$1$salt$changed", "repository-test"));
    }

    @Test
    void aDisabledUserIsAnonymousAndTheSessionIsKept() {
        String key = loggedIn();
        users.updateUser(User.withUsername("ann").password("pbkdf2_sha256$1$salt$ann").roles("USER")
                .disabled(true).build());

        assertThat(contexts.containsContext(request(key))).isFalse();
        assertThat(engine.exists(key)).isTrue();
    }

    @Test
    void aSessionOfAnotherBackendIsAnonymous() {
        String key = loggedIn();
        DjangoSecurityContextRepository other = new DjangoSecurityContextRepository(
                DjangoUserResolver.usernameAsId(users), "myapp.backends.TokenBackend");

        assertThat(other.containsContext(request(key))).isFalse();
        assertThat(contexts.containsContext(request(key))).isTrue();
    }

    @Test
    void savingAnEmptyContextOverALoginAndTheLogoutHandlerFlush() {
        String key = loggedIn();
        MockHttpServletRequest logout = request(key);
        contexts.saveContext(new SecurityContextImpl(), logout, response);
        assertThat(engine.exists(key)).isFalse();
        assertThat(contexts.containsContext(logout)).isFalse();

        String another = loggedIn();
        MockHttpServletRequest handled = request(another);
        new DjangoLogoutHandler().logout(handled, response, ann());
        assertThat(engine.exists(another)).isFalse();
        assertThat(session(handled).isEmpty()).isTrue();
    }

    @Test
    void aUserTheResolverCannotMapIsAnError() {
        Authentication stranger = UsernamePasswordAuthenticationToken.authenticated("zed", null, List.of());

        assertThatThrownBy(() -> contexts.saveContext(contextOf(stranger), request(null), response))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("username zed");
    }
}
