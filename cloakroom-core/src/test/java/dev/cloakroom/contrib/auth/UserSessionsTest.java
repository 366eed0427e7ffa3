package dev.cloakroom.contrib.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.engine.FileEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.engine.SignedCookieEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Sign out everywhere" on the memory engine, and the refusal of engines that cannot index by user. */
class UserSessionsTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final MemoryEngine engine = MemoryEngine.create(clock);
    private final SessionSettings settings =
            SessionSettings.builder().secretKey("test-secret").clock(clock).build();

    private final AuthUser alice = AuthUser.of("1", "pbkdf2_sha256$1$salt$hash");
    private final AuthUser bob = AuthUser.of("2", "pbkdf2_sha256$1$salt$other");

    private Session loggedIn(SessionEngine on, SessionSettings with, AuthUser user) {
        Session session = Session.open(on, with, null);
        Auth.login(session, user);
        session.save();
        return Session.open(on, with, session.key());
    }

    @Test
    void sessionsOfListsTheUsersLiveSessionsSoonestExpiryFirst() {
        Session laptop = loggedIn(engine, settings, alice);
        clock.advance(Duration.ofHours(1));
        Session phone = loggedIn(engine, settings, alice);
        loggedIn(engine, settings, bob);

        List<SessionSummary> sessions = UserSessions.sessionsOf(phone);

        assertThat(sessions).extracting(SessionSummary::key).containsExactly(laptop.key(), phone.key());
        assertThat(sessions.get(1).expiresAt()).isEqualTo(clock.instant().plus(settings.cookieAge()));
        assertThat(UserSessions.sessionsOf(engine, "2")).hasSize(1);
    }

    @Test
    void revokeOthersKeepsTheCurrentSessionAndOtherUsersSessions() {
        Session current = loggedIn(engine, settings, alice);
        Session other1 = loggedIn(engine, settings, alice);
        Session other2 = loggedIn(engine, settings, alice);
        Session bobs = loggedIn(engine, settings, bob);

        assertThat(UserSessions.revokeOthers(current)).isEqualTo(2);

        assertThat(engine.exists(current.key())).isTrue();
        assertThat(engine.exists(other1.key())).isFalse();
        assertThat(engine.exists(other2.key())).isFalse();
        assertThat(engine.exists(bobs.key())).isTrue();
        assertThat(UserSessions.sessionsOf(current)).extracting(SessionSummary::key)
                .containsExactly(current.key());
        assertThat(Auth.currentUser(Session.open(engine, settings, current.key()),
                id -> java.util.Optional.of(alice))).contains(alice);
    }

    @Test
    void revokeAllWithoutExceptionSignsTheUserOutEverywhere() {
        Session a = loggedIn(engine, settings, alice);
        Session b = loggedIn(engine, settings, alice);

        assertThat(UserSessions.revokeAll(engine, "1", null)).isEqualTo(2);
        assertThat(engine.exists(a.key())).isFalse();
        assertThat(engine.exists(b.key())).isFalse();
    }

    /** Storing another user's id in one's own session does not plant it in that user's list. */
    @Test
    void aUserIdMerelyStoredInTheDataIsNeverIndexed() {
        Session own = loggedIn(engine, settings, alice);
        Session planted = Session.open(engine, settings, null);
        planted.put(Auth.USER_ID_KEY, "1");
        planted.put(Auth.BACKEND_KEY, Auth.DEFAULT_BACKEND);
        planted.put(Auth.HASH_KEY, "0".repeat(64));
        planted.save();
        Session again = Session.open(engine, settings, planted.key());
        again.put("more", true);
        again.save();

        assertThat(UserSessions.sessionsOf(engine, "1")).extracting(SessionSummary::key)
                .containsExactly(own.key());
        assertThat(engine.load(planted.key()).orElseThrow().userId()).isNull();
        assertThat(UserSessions.revokeAll(engine, "1", null)).isEqualTo(1);
        assertThat(engine.exists(planted.key())).isTrue();
    }

    /** Once a login filed a session under its user, later saves that verify nothing keep it there. */
    @Test
    void aVerifiedLoginStaysIndexedThroughLaterSavesAndLeavesItAtLogout() {
        Session session = loggedIn(engine, settings, alice);
        session.put("cart", List.of(3));
        session.save();
        Session cycled = Session.open(engine, settings, session.key());
        cycled.cycleKey();
        cycled.save();
        assertThat(UserSessions.sessionsOf(engine, "1")).extracting(SessionSummary::key)
                .containsExactly(cycled.key());

        Session verified = Session.open(engine, settings, cycled.key());
        assertThat(Auth.currentUser(verified, id -> java.util.Optional.of(alice))).contains(alice);
        Auth.logout(verified);
        verified.put("after", "logout");
        verified.save();
        assertThat(UserSessions.sessionsOf(engine, "1")).isEmpty();
    }

    /** A session another program (Django) logged in is filed under its user once Java verifies its hash. */
    @Test
    void aSessionLoggedInElsewhereIsIndexedOnceItsHashIsVerified() {
        Session django = Session.open(engine, settings, null);
        django.put(Auth.USER_ID_KEY, "1");
        django.put(Auth.BACKEND_KEY, Auth.DEFAULT_BACKEND);
        django.put(Auth.HASH_KEY, Auth.sessionAuthHash(alice.passwordHash(), "test-secret"));
        django.save();
        assertThat(UserSessions.sessionsOf(engine, "1")).isEmpty();

        Session inJava = Session.open(engine, settings, django.key());
        assertThat(Auth.currentUser(inJava, id -> java.util.Optional.of(alice))).contains(alice);
        inJava.put("seen", true);
        inJava.save();
        assertThat(UserSessions.sessionsOf(engine, "1")).extracting(SessionSummary::key)
                .containsExactly(django.key());
    }

    @Test
    void anAnonymousSessionHasNoSessionsToListOrRevoke() {
        loggedIn(engine, settings, alice);
        Session anonymous = Session.open(engine, settings, null);

        assertThat(UserSessions.sessionsOf(anonymous)).isEmpty();
        assertThat(UserSessions.revokeOthers(anonymous)).isZero();
        assertThat(UserSessions.sessionsOf(engine, "1")).hasSize(1);
    }

    @Test
    void signedCookiesCannotListOrRevokeAndSaySo() {
        SignedCookieEngine cookies = SignedCookieEngine.create(settings);
        Session session = loggedIn(cookies, settings, alice);

        assertThatThrownBy(() -> UserSessions.revokeOthers(session))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("The signed_cookies engine keeps sessions in the browser, so they cannot be "
                        + "listed or revoked; use db or cache");
        assertThatThrownBy(() -> UserSessions.sessionsOf(cookies, "1"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("signed_cookies");
    }

    @Test
    void theFileEngineCannotListOrRevokeAndSaysSo(@TempDir Path dir) {
        FileEngine files = FileEngine.builder(settings).directory(dir).build();
        Session session = loggedIn(files, settings, alice);

        assertThatThrownBy(() -> UserSessions.sessionsOf(session))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(files.toString()).hasMessageContaining("keeps no index")
                .hasMessageContaining("use cache, or db built with userColumn()");
    }
}
