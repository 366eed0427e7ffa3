package dev.cloakroom.contrib.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.contrib.csrf.CsrfTokens;
import dev.cloakroom.engine.MemoryEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Django's auth-session behaviours (tests/auth_tests: test_login, test_middleware) on a Session. */
class AuthTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final MemoryEngine engine = MemoryEngine.create(clock);
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();
    private final Map<String, AuthUser> users = new ConcurrentHashMap<>();
    private final UserLookup<AuthUser> lookup = id -> Optional.ofNullable(users.get(id));

    private final AuthUser alice = AuthUser.of("1", "pbkdf2_sha256$1$salt$hash");
    private final AuthUser bob = AuthUser.of("2", "pbkdf2_sha256$1$salt$other");

    @BeforeEach
    void registerUsers() {
        users.put(alice.id(), alice);
        users.put(bob.id(), bob);
    }

    private Session open(@Nullable String key) {
        return Session.open(engine, settings, key);
    }

    private Session open(SessionSettings with, @Nullable String key) {
        return Session.open(engine, with, key);
    }

    /** Saves an anonymous session holding {@code data} and returns its key. */
    private String anonymousSession(Map<String, ?> data) {
        Session session = open(null);
        session.update(data);
        session.save();
        return session.key();
    }

    private String loggedIn(AuthUser user) {
        Session session = open(null);
        Auth.login(session, user);
        session.save();
        return session.key();
    }

    @Test
    void loginStoresDjangosThreeKeysWithTheIdAsAString() {
        Session session = open(null);
        Auth.login(session, alice);
        session.save();

        Session reread = open(session.key());
        assertThat(reread.get(Auth.USER_ID_KEY)).isEqualTo("1");
        assertThat(reread.get(Auth.BACKEND_KEY)).isEqualTo("django.contrib.auth.backends.ModelBackend");
        // Django's session auth hash for password "pbkdf2_sha256$1$salt$hash", SECRET_KEY "test-secret".
        assertThat(reread.get(Auth.HASH_KEY))
                .isEqualTo("592feb37d640bdd28b14a37ef54d1eb03b5a0fc68c511627d926268f157e9250");
    }

    @Test
    void loginOnAnAnonymousSessionCyclesTheKeyAndKeepsTheData() {
        String before = anonymousSession(Map.of("cart", List.of(3, 5)));

        Session session = open(before);
        Auth.login(session, alice);
        session.save();

        assertThat(session.key()).isNotNull().isNotEqualTo(before);
        assertThat(engine.load(before)).isEmpty();
        assertThat(open(session.key()).get("cart")).isEqualTo(List.of(3, 5));
    }

    @Test
    void aKeyPlantedBeforeLoginNeverSurvivesIt() {
        // The attacker obtains a key, and makes the victim's browser use it.
        String planted = anonymousSession(Map.of());

        Session victim = open(planted);
        Auth.login(victim, alice);
        victim.save();

        assertThat(victim.key()).isNotEqualTo(planted);
        Session attacker = open(planted);
        assertThat(Auth.currentUser(attacker, lookup)).isEmpty();
        assertThat(attacker.key()).isNull();
        assertThat(engine.exists(planted)).isFalse();
    }

    /** A saved session of alice's logged in that also holds {@code name}: {@code value}; returns its key. */
    private String aliceWith(String name, String value) {
        String key = loggedIn(alice);
        Session session = open(key);
        session.put(name, value);
        session.save();
        return key;
    }

    /** Logs {@code user} in on the session {@code key} and saves it. */
    private Session logInAgain(String key, AuthUser user) {
        Session again = open(key);
        Auth.login(again, user);
        again.save();
        return again;
    }

    @Test
    void loginAsAnotherUserFlushesTheFirstUsersData() {
        String key = aliceWith("alices-secret", "x");

        Session again = logInAgain(key, bob);

        assertThat(again.key()).isNotEqualTo(key);
        assertThat(engine.exists(key)).isFalse();
        Session reread = open(again.key());
        assertThat(reread.contains("alices-secret")).isFalse();
        assertThat(reread.get(Auth.USER_ID_KEY)).isEqualTo("2");
    }

    @Test
    void loginAsTheSameUserAfterAPasswordChangeFlushes() {
        String key = loggedIn(alice);
        AuthUser changed = AuthUser.of("1", "pbkdf2_sha256$1$salt$new");

        Session session = open(key);
        session.put("data", "kept?");
        Auth.login(session, changed);
        session.save();

        assertThat(session.key()).isNotEqualTo(key);
        assertThat(open(session.key()).contains("data")).isFalse();
    }

    @Test
    void loginAsTheSameUserWithTheSameHashKeepsTheKeyAndTheData() {
        String key = aliceWith("data", "kept");

        Session again = logInAgain(key, alice);

        assertThat(again.key()).isEqualTo(key);
        assertThat(open(key).get("data")).isEqualTo("kept");
    }

    @Test
    void loginDiscardsTheCsrfSecretSoOldTokensStopWorking() {
        Session session = open(null);
        String token = CsrfTokens.token(session);
        session.save();

        Session next = open(session.key());
        assertThat(CsrfTokens.isValid(next, token)).isTrue();
        Auth.login(next, alice);
        assertThat(next.contains(CsrfTokens.SESSION_KEY)).isFalse();
        assertThat(CsrfTokens.isValid(next, token)).isFalse();
        assertThat(CsrfTokens.isValid(next, CsrfTokens.token(next))).isTrue();
    }

    @Test
    void loginRejectsAUserWithAnEmptyId() {
        AuthUser nobody = new AuthUser() {
            @Override
            public String id() {
                return "";
            }

            @Override
            public String passwordHash() {
                return "x";
            }
        };
        assertThatThrownBy(() -> Auth.login(open(null), nobody))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id()");
    }

    @Test
    void currentUserReturnsTheVerifiedUser() {
        String key = loggedIn(alice);
        Session session = open(key);

        assertThat(Auth.currentUser(session, lookup)).contains(alice);
        assertThat(session.key()).isEqualTo(key);
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void currentUserOfAnAnonymousSessionIsEmpty() {
        String key = anonymousSession(Map.of("cart", 1));
        Session session = open(key);

        assertThat(Auth.currentUser(session, lookup)).isEmpty();
        assertThat(session.isModified()).isFalse();
        assertThat(Auth.currentUser(open(null), lookup)).isEmpty();
    }

    @Test
    void aDeletedUserIsAnonymousButTheSessionIsKept() {
        String key = loggedIn(alice);
        users.remove(alice.id());
        Session session = open(key);

        assertThat(Auth.currentUser(session, lookup)).isEmpty();
        assertThat(session.isModified()).isFalse();
        assertThat(engine.exists(key)).isTrue();
    }

    @Test
    void aSessionFromAnUntrustedBackendIsAnonymousButKept() {
        String key = loggedIn(alice);
        UserLookup<AuthUser> strict = new UserLookup<>() {
            @Override
            public Optional<AuthUser> findById(String id) {
                return lookup.findById(id);
            }

            @Override
            public boolean trustsBackend(String backend) {
                return backend.equals("myapp.auth.SsoBackend");
            }
        };
        Session session = open(key);

        assertThat(Auth.currentUser(session, strict)).isEmpty();
        assertThat(engine.exists(key)).isTrue();
        assertThat(session.get(Auth.USER_ID_KEY)).isEqualTo("1");
    }

    @Test
    void aPasswordChangeLogsOutEverySessionOfTheUser() {
        String key = loggedIn(alice);
        users.put("1", AuthUser.of("1", "pbkdf2_sha256$1$salt$changed"));
        Session session = open(key);

        assertThat(Auth.currentUser(session, lookup)).isEmpty();
        assertThat(session.key()).isNull();
        assertThat(session.keys()).isEmpty();
        assertThat(engine.exists(key)).isFalse();
    }

    @Test
    void aMissingOrTamperedHashLogsOut() {
        for (Object bad : new Object[] {null, "", "0".repeat(64), 42}) {
            String key = loggedIn(alice);
            Session tamper = open(key);
            tamper.put(Auth.HASH_KEY, bad);
            tamper.save();

            Session session = open(key);
            assertThat(Auth.currentUser(session, lookup)).as("stored hash %s", bad).isEmpty();
            assertThat(engine.exists(key)).isFalse();
        }
    }

    @Test
    void updateSessionAuthHashKeepsTheCurrentSessionAndLogsOutTheOthers() {
        String here = loggedIn(alice);
        String elsewhere = loggedIn(alice);
        AuthUser changed = AuthUser.of("1", "pbkdf2_sha256$1$salt$changed");
        users.put("1", changed);

        Session session = open(here);
        Auth.updateSessionAuthHash(session, changed);
        session.save();

        assertThat(session.key()).isNotEqualTo(here);
        assertThat(engine.exists(here)).isFalse();
        assertThat(Auth.currentUser(open(session.key()), lookup)).contains(changed);
        assertThat(Auth.currentUser(open(elsewhere), lookup)).isEmpty();
        assertThat(engine.exists(elsewhere)).isFalse();
    }

    @Test
    void updateSessionAuthHashForAnotherUserOnlyCyclesTheKey() {
        String key = loggedIn(alice);
        Session session = open(key);
        Object hash = session.get(Auth.HASH_KEY);

        Auth.updateSessionAuthHash(session, AuthUser.of("2", "pbkdf2_sha256$1$salt$changed"));

        assertThat(session.key()).isNotEqualTo(key);
        assertThat(session.get(Auth.HASH_KEY)).isEqualTo(hash);
    }

    @Test
    void logoutFlushesEverything() {
        String key = loggedIn(alice);
        Session session = open(key);
        session.put("cart", 1);
        CsrfTokens.token(session);
        session.save();

        Session out = open(key);
        Auth.logout(out);

        assertThat(out.key()).isNull();
        assertThat(out.keys()).isEmpty();
        assertThat(engine.exists(key)).isFalse();
        assertThat(Auth.currentUser(open(key), lookup)).isEmpty();
    }

    @Test
    void aHashMadeWithAFallbackSecretIsUpgradedAndTheKeyCycled() {
        SessionSettings old = settings.toBuilder().secretKey("old-secret").build();
        Session first = open(old, null);
        Auth.login(first, alice);
        first.save();
        String key = first.key();
        String oldHash = (String) open(old, key).get(Auth.HASH_KEY);

        SessionSettings rotated = settings.toBuilder().secretKey("new-secret", "old-secret").build();
        Session session = open(rotated, key);
        assertThat(Auth.currentUser(session, lookup)).contains(alice);
        session.save();

        assertThat(session.key()).isNotEqualTo(key);
        assertThat(engine.exists(key)).isFalse();
        String upgraded = (String) open(rotated, session.key()).get(Auth.HASH_KEY);
        assertThat(upgraded).isNotEqualTo(oldHash)
                .isEqualTo(Auth.sessionAuthHash(alice.passwordHash(), "new-secret"));

        // Once the old secret is retired, the upgraded session is still valid.
        SessionSettings retired = settings.toBuilder().secretKey("new-secret").build();
        assertThat(Auth.currentUser(open(retired, session.key()), lookup)).contains(alice);
    }

    @Test
    void aHashMadeWithARetiredSecretLogsOut() {
        SessionSettings old = settings.toBuilder().secretKey("old-secret").build();
        Session first = open(old, null);
        Auth.login(first, alice);
        first.save();
        // During the rotation the session is saved again (data re-signed) without visiting currentUser.
        SessionSettings rotated = settings.toBuilder().secretKey("new-secret", "old-secret").build();
        Session during = open(rotated, first.key());
        during.put("visits", 2);
        during.save();

        SessionSettings retired = settings.toBuilder().secretKey("new-secret").build();
        Session session = open(retired, first.key());
        assertThat(session.get("visits")).isEqualTo(2);
        assertThat(Auth.currentUser(session, lookup)).isEmpty();
        assertThat(session.keys()).isEmpty();
        assertThat(engine.exists(first.key())).isFalse();
    }

    @Test
    void aUserWithoutPasswordHashIsNotVerified() {
        AuthUser sso = AuthUser.of("7", null);
        users.put("7", sso);
        Session session = open(null);
        Auth.login(session, sso);
        session.save();

        assertThat(open(session.key()).get(Auth.HASH_KEY)).isEqualTo("");
        assertThat(Auth.currentUser(open(session.key()), lookup)).contains(sso);
    }

    @Test
    void anIntegerUserIdStoredByOlderCodeIsReadAsText() {
        String key = loggedIn(alice);
        Session session = open(key);
        session.put(Auth.USER_ID_KEY, 1);
        session.save();

        assertThat(Auth.currentUser(open(key), lookup)).contains(alice);
    }
}
