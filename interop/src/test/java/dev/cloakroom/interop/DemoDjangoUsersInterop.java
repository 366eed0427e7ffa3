package dev.cloakroom.interop;

import dev.cloakroom.demo.DemoServer;
import dev.cloakroom.demo.DemoSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo started with {@code CLOAKROOM_DJANGO_USERS=1} on Django's database, over real HTTP: Django's
 * users log in through it whatever hasher made their password, a password changed through it is the one
 * Django accepts, a login on either side is a login on the other, and Django's {@code changepassword} logs
 * the demo's sessions out.
 */
abstract class DemoDjangoUsersInterop extends InteropTestBase {

    private static final AtomicInteger USERS = new AtomicInteger();
    private DemoServer demo;
    private DemoHttp http;

    @BeforeAll
    void startTheDemoOnDjangosDatabase(@TempDir Path directory) {
        demo = DemoServer.start(DemoSettings.read(Map.of(
                "CLOAKROOM_ENGINE", "db",
                "CLOAKROOM_DATABASE_URL", database.jdbcUrl(),
                "CLOAKROOM_SECRET_KEY", secret,
                "CLOAKROOM_DJANGO_USERS", "1",
                "CLOAKROOM_DJANGO_VERSION", Django.UNDER_TEST.toString(),
                "CLOAKROOM_PORT", "0"), Map.of(), directory));
        http = new DemoHttp(demo.uri());
    }

    @AfterAll
    void stopTheDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void superusersMadeByCreatesuperuserWithEachDefaultHasherLogInThroughTheDemo() {
        List<String> hashers = new ArrayList<>(
                List.of("pbkdf2_sha256", "pbkdf2_sha1", "argon2", "bcrypt_sha256"));
        if (Django.UNDER_TEST.version().atLeast(4, 0)) {
            hashers.add("scrypt");
        }
        for (String hasher : hashers) {
            String name = newName("admin-" + hasher);
            django.withPasswordHasher(hasher).createSuperuser(name, "s3cret-" + hasher);
            assertThat(storedHash(name)).startsWith(hasher + "$");

            assertThat(http.post("/api/login", null, Map.of("username", name, "password", "wrong")).status())
                    .as("%s, wrong password", hasher).isEqualTo(401);
            DemoHttp.Answer login = http.post("/api/login", null, Map.of("username", name, "password",
                    "s3cret-" + hasher));

            assertThat(login.status()).as(hasher).isEqualTo(200);
            assertThat(login.body()).containsEntry("authenticated", true).containsEntry("username", name);
            assertThat(http.get("/api/whoami", login.sessionCookie()).body()).containsEntry("username", name);
            assertThat(storedHash(name)).as("upgraded on login, as Django does").startsWith(
                    "pbkdf2_sha256$" + (Django.UNDER_TEST.version().atLeast(5, 0) ? "1000000" : "260000")
                            + "$");
            assertThat(lastLoginIsSet(name)).isTrue();
            assertThat(django.authenticates(name, "s3cret-" + hasher)).as("Django reads the upgraded hash")
                    .isTrue();
        }
    }

    @Test
    void passwordChangedThroughTheDemoIsTheOneDjangoAccepts() {
        String name = newName("changer");
        django.createUser(name, "old-pässwörd");
        String djangoSession = djangoLogin(name, "old-pässwörd");
        DemoHttp.Answer login = http.post("/api/login", null, Map.of("username", name, "password",
                "old-pässwörd"));

        DemoHttp.Answer change = http.post("/api/password", login.sessionCookie(),
                Map.of("old_password", "old-pässwörd", "new_password", "new-pässwörd ✓"));

        assertThat(change.status()).isEqualTo(200);
        assertThat(http.post("/api/password", change.sessionCookie(),
                Map.of("old_password", "not it", "new_password", "x")).status()).isEqualTo(403);
        assertThat(django.authenticates(name, "new-pässwörd ✓")).isTrue();
        assertThat(django.authenticates(name, "old-pässwörd")).isFalse();
        assertThat(http.get("/api/whoami", change.sessionCookie()).body())
                .as("the session that changed it stays logged in").containsEntry("username", name);
        assertThat(django.get("/whoami/", change.sessionCookie()).body())
                .containsEntry("authenticated", true);
        assertThat(django.get("/whoami/", djangoSession).body()).as("Django's older session is logged out")
                .containsEntry("authenticated", false);
    }

    @Test
    void aLoginOnEitherSideIsALoginOnTheOther() {
        String name = newName("both");
        django.createUser(name, "pässwörd");

        String fromDjango = djangoLogin(name, "pässwörd");
        DemoHttp.Answer fromDemo = http.post("/api/login", null,
                Map.of("username", name, "password", "pässwörd"));

        assertThat(http.get("/api/whoami", fromDjango).body()).containsEntry("authenticated", true)
                .containsEntry("username", name);
        assertThat(django.get("/whoami/", fromDemo.sessionCookie()).body())
                .containsEntry("authenticated", true).containsEntry("username", name);
        assertThat(http.post("/api/logout", fromDemo.sessionCookie(), Map.of()).status()).isEqualTo(200);
        assertThat(django.get("/whoami/", fromDemo.sessionCookie()).body())
                .containsEntry("authenticated", false);
    }

    @Test
    void djangosChangepasswordLogsTheDemosSessionsOut() {
        String name = newName("reset");
        django.createUser(name, "pässwörd");
        String session = http.post("/api/login", null, Map.of("username", name, "password", "pässwörd"))
                .sessionCookie();
        assertThat(http.get("/api/whoami", session).body()).containsEntry("authenticated", true);

        django.changepassword(name, "brand-new-pässwörd");

        assertThat(http.get("/api/whoami", session).body()).containsEntry("authenticated", false);
        assertThat(http.post("/api/login", null, Map.of("username", name, "password", "brand-new-pässwörd"))
                .status()).isEqualTo(200);
    }

    @Test
    void unknownAndInactiveUsersDoNotLogIn() {
        assertThat(http.post("/api/login", null, Map.of("username", "nobody-" + USERS.get(), "password", "x"))
                .status()).isEqualTo(401);
        String name = newName("inactive");
        django.createUser(name, "pässwörd");
        execute("UPDATE auth_user SET is_active = ? WHERE username = ?", false, name);
        assertThat(http.post("/api/login", null, Map.of("username", name, "password", "pässwörd")).status())
                .isEqualTo(401);
    }

    private String djangoLogin(String name, String password) {
        return django.post("/login/", null, Map.of("username", name, "password", password))
                .requireSessionCookie();
    }

    private static String newName(String prefix) {
        return prefix + "-" + USERS.incrementAndGet() + "-ü";
    }

    private String storedHash(String name) {
        return (String) queryOne("SELECT password FROM auth_user WHERE username = ?", name);
    }

    private boolean lastLoginIsSet(String name) {
        return queryOne("SELECT last_login FROM auth_user WHERE username = ?", name) != null;
    }

    private Object queryOne(String sql, Object parameter) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).as("a row for %s", parameter).isTrue();
                return row.getObject(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
