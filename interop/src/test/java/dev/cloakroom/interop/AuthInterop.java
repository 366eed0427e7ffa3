package dev.cloakroom.interop;

import dev.cloakroom.Session;
import dev.cloakroom.contrib.auth.Auth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users logged in on one side are logged in on the other: real {@code auth_user} rows with real PBKDF2
 * hashes, Django's {@code login}/{@code get_user}/{@code logout} against Cloakroom's {@link Auth} with a
 * {@link DjangoUsers} lookup reading the same table.
 */
abstract class AuthInterop extends InteropTestBase {

    private static final AtomicInteger USERS = new AtomicInteger();
    private DjangoUsers users;

    @BeforeAll
    void readUsersFromDjangosTable() {
        users = new DjangoUsers(database);
    }

    @Test
    void userLoggedInThroughDjangoIsTheCurrentUserInCloakroom() {
        String name = newUser("pässwörd-1");
        String key = djangoLogin(name, "pässwörd-1");

        Session session = cloakroomOpens(key);

        assertThat(Auth.currentUser(session, users)).get().extracting(DjangoUser::username).isEqualTo(name);
        assertThat(session.isModified()).isFalse();
        assertThat(session.key()).isEqualTo(key);
    }

    @Test
    void userLoggedInThroughCloakroomIsTheCurrentUserInDjango() {
        String name = newUser("pässwörd-2");
        DjangoUser user = users.authenticate(name, "pässwörd-2").orElseThrow();
        assertThat(users.authenticate(name, "wrong")).isEmpty();

        Session session = cloakroomOpens(null);
        session.put("cart", "kept through login");
        Auth.login(session, user);
        session.save();

        Map<String, Object> whoami = django.get("/whoami/", session.key()).body();
        assertThat(whoami).containsEntry("authenticated", true).containsEntry("username", name);
        assertThat(django.get("/session/", session.key()).data()).containsEntry("cart", "kept through login");
    }

    @Test
    void loggingOutInCloakroomEndsTheDjangoSession() {
        String name = newUser("pässwörd-3");
        String key = djangoLogin(name, "pässwörd-3");
        Session session = cloakroomOpens(key);
        assertThat(Auth.currentUser(session, users)).isPresent();

        Auth.logout(session);
        session.save();

        assertThat(django.get("/whoami/", key).body()).containsEntry("authenticated", false);
        assertThat(django.sessionRow(key)).containsEntry("exists", false);
    }

    @Test
    void loggingOutInDjangoEndsTheCloakroomSession() {
        String name = newUser("pässwörd-4");
        Session login = cloakroomOpens(null);
        Auth.login(login, users.authenticate(name, "pässwörd-4").orElseThrow());
        login.save();
        assertThat(django.get("/whoami/", login.key()).body()).containsEntry("authenticated", true);

        DjangoResponse logout = django.post("/logout/", login.key(), Map.of());

        assertThat(logout.sessionCookieDeleted()).isTrue();
        assertThat(Auth.currentUser(cloakroomOpens(login.key()), users)).isEmpty();
        assertThat(engine.exists(login.key())).isFalse();
    }

    @Test
    void changingThePasswordInDjangoLogsCloakroomOut() {
        String name = newUser("pässwörd-5");
        String key = djangoLogin(name, "pässwörd-5");
        assertThat(Auth.currentUser(cloakroomOpens(key), users)).isPresent();

        django.setPassword(name, "new-pässwörd-5");
        Session session = cloakroomOpens(key);

        assertThat(Auth.currentUser(session, users)).isEmpty();
        assertThat(engine.exists(key)).as("Cloakroom flushed the session, as Django's get_user does")
                .isFalse();
        assertThat(django.get("/whoami/", key).body()).containsEntry("authenticated", false);
    }

    @Test
    void changingThePasswordInDjangoLogsOutSessionsCloakroomLoggedIn() {
        String name = newUser("pässwörd-6");
        Session session = cloakroomOpens(null);
        Auth.login(session, users.authenticate(name, "pässwörd-6").orElseThrow());
        session.save();
        assertThat(django.get("/whoami/", session.key()).body()).containsEntry("authenticated", true);

        django.setPassword(name, "new-pässwörd-6");

        assertThat(django.get("/whoami/", session.key()).body()).containsEntry("authenticated", false);
        assertThat(Auth.currentUser(cloakroomOpens(session.key()), users)).isEmpty();
    }

    @Test
    void sessionOfADeactivatedUserIsAnonymousButKept() {
        String name = newUser("pässwörd-7");
        String key = djangoLogin(name, "pässwörd-7");
        assertThat(Auth.currentUser(cloakroomOpens(key), users)).isPresent();
        deactivate(name);

        assertThat(Auth.currentUser(cloakroomOpens(key), users)).isEmpty();
        assertThat(django.get("/whoami/", key).body()).containsEntry("authenticated", false);
        assertThat(engine.exists(key)).as("neither side flushes it").isTrue();
    }

    private String newUser(String password) {
        String name = "user-" + USERS.incrementAndGet() + "-ü";
        django.createUser(name, password);
        return name;
    }

    private String djangoLogin(String name, String password) {
        DjangoResponse response = django.post("/login/", null,
                Map.of("username", name, "password", password));
        assertThat(response.status()).isEqualTo(200);
        return response.requireSessionCookie();
    }

    private void deactivate(String name) {
        try (Connection c = database.connect();
                PreparedStatement statement = c.prepareStatement(
                        "UPDATE auth_user SET is_active = ? WHERE username = ?")) {
            statement.setBoolean(1, false);
            statement.setString(2, name);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
