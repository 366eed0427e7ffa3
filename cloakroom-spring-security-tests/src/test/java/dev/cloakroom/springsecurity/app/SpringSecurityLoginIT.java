package dev.cloakroom.springsecurity.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.djangoauth.DjangoPasswordHasher;
import dev.cloakroom.djangoauth.DjangoUsers;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testservers.ClassSchema;
import dev.cloakroom.testservers.RealServers;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Form login on Django's session keys over real HTTP: {@link SecuredApp} on embedded Tomcat, sessions and
 * users in a PostgreSQL schema of the class's own ({@code django_session}, Django's {@code auth_user}).
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.secret-key=" + SpringSecurityLoginIT.SECRET, "app.pbkdf2-iterations=1000"})
@DirtiesContext
class SpringSecurityLoginIT {

    static final String SECRET = "spring-security-login-it-secret";

    @RegisterExtension
    static final ClassSchema SCHEMA = RealServers.postgresSchema();

    private final DjangoPasswordHasher hasher = DjangoPasswordHasher.withIterations(1000);

    @Value("${local.server.port}")
    int port;
    @Autowired
    DataSource db;
    @Autowired
    JdbcEngine engine;
    @Autowired
    SessionSettings settings;
    @Autowired
    DjangoUsers users;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SCHEMA::url);
    }

    @BeforeAll
    static void djangoUsers() throws SQLException {
        DjangoTables.createAuthUser(SCHEMA.url());
    }

    private String user(String username, String password) throws SQLException {
        return DjangoTables.insertUser(db, username, hasher.hash(password));
    }

    private Session stored(String key) {
        return Session.open(engine, settings, key);
    }

    @Test
    void loginCyclesTheKeyKeepsTheDataAndKillsTheOldKey() throws SQLException {
        user("carol", "carol-pw");
        Browser browser = new Browser(port);
        browser.get("/cart?item=book");
        String anonymousKey = browser.sessionKey();
        assertThat(anonymousKey).isNotNull();
        assertThat(stored(anonymousKey).keys()).containsExactly("cart");

        HttpResponse<String> login = browser.login("carol", "carol-pw");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/account");
        String key = browser.sessionKey();
        assertThat(key).isNotNull().isNotEqualTo(anonymousKey);
        assertThat(engine.exists(anonymousKey))
                .as("the old record is gone").isFalse();
        assertThat(browser.get("/account").body()).contains("Hello carol; visit 1; in your cart: book");

        Browser attacker = new Browser(port);
        attacker.useSessionKey(anonymousKey);
        HttpResponse<String> fixated = attacker.get("/account");
        assertThat(fixated.statusCode()).as("the old key names nothing").isEqualTo(302);
        assertThat(fixated.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void theStoredLoginIsExactlyDjangosThreeKeys() throws SQLException {
        String id = user("dave", "dave-pw");
        Browser browser = new Browser(port);

        assertThat(browser.login("dave", "dave-pw").statusCode()).isEqualTo(302);

        Session session = stored(browser.sessionKey());
        assertThat(session.keys())
                .containsExactlyInAnyOrder(Auth.USER_ID_KEY, Auth.BACKEND_KEY, Auth.HASH_KEY);
        assertThat(session.get(Auth.USER_ID_KEY)).isEqualTo(id);
        assertThat(session.get(Auth.BACKEND_KEY)).isEqualTo("django.contrib.auth.backends.ModelBackend");
        assertThat(session.get(Auth.HASH_KEY))
                .isEqualTo(Auth.sessionAuthHash(DjangoTables.passwordHash(db, id), SECRET));
    }

    @Test
    void theNextRequestIsLoggedInAndCanUseTheHttpSession() throws SQLException {
        user("erin", "erin-pw");
        Browser browser = new Browser(port);
        browser.login("erin", "erin-pw");

        assertThat(browser.get("/account").body()).contains("Hello erin; visit 1");
        HttpResponse<String> again = browser.get("/account");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Hello erin; visit 2");
        assertThat(stored(browser.sessionKey()).get("visits")).isEqualTo(2);
    }

    @Test
    void aSessionDjangoLoggedInIsLoggedInForSpringSecurity() throws SQLException {
        String id = user("frank", "frank-pw");
        Session django = Session.open(engine, settings, null);
        users.login(django, users.findById(id).orElseThrow());
        django.save();
        Browser browser = new Browser(port);
        browser.useSessionKey(django.key());

        HttpResponse<String> account = browser.get("/account");

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Hello frank");
    }

    @Test
    void aHashOfFewerIterationsIsUpgradedAtLoginAndTheSessionHashFollows() throws SQLException {
        String id = DjangoTables.insertUser(db, "kim",
                DjangoPasswordHasher.withIterations(500).hash("kim-pw"));
        Browser browser = new Browser(port);

        assertThat(browser.login("kim", "kim-pw").statusCode()).isEqualTo(302);

        String upgraded = DjangoTables.passwordHash(db, id);
        assertThat(upgraded).startsWith("pbkdf2_sha256$1000$");
        assertThat(hasher.verify("kim-pw", upgraded)).isTrue();
        assertThat(stored(browser.sessionKey()).get(Auth.HASH_KEY))
                .isEqualTo(Auth.sessionAuthHash(upgraded, SECRET));
        assertThat(browser.get("/account").body()).contains("Hello kim");
    }

    @Test
    void aWrongPasswordDoesNotLogIn() throws SQLException {
        user("grace", "grace-pw");
        Browser browser = new Browser(port);

        HttpResponse<String> login = browser.login("grace", "wrong");

        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
        assertThat(browser.sessionKey()).isNull();
    }

    @Test
    void aPasswordChangeInSpringLogsOutTheOtherSessionsOnly() throws SQLException {
        user("heidi", "heidi-pw");
        Browser changing = new Browser(port);
        Browser other = new Browser(port);
        changing.login("heidi", "heidi-pw");
        other.login("heidi", "heidi-pw");
        String otherKey = other.sessionKey();

        HttpResponse<String> change = changing.submit("/account", "/password", Map.of("password", "new-pw"));

        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(changing.get("/account").body()).as("this session stays").contains("Hello heidi");
        assertThat(other.get("/account").statusCode()).as("the other is logged out").isEqualTo(302);
        assertThat(other.sessionKey()).isNull();
        assertThat(engine.exists(otherKey)).as("flushed").isFalse();
        assertThat(new Browser(port).login("heidi", "new-pw").headers().firstValue("Location")).get()
                .asString().endsWith("/account");
    }

    @Test
    void aPasswordChangeByDjangoLogsOutSpringSessions() throws SQLException {
        String id = user("ivan", "ivan-pw");
        Browser browser = new Browser(port);
        browser.login("ivan", "ivan-pw");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        String key = browser.sessionKey();

        DjangoTables.setPasswordHash(db, id, hasher.hash("changed-in-django"));

        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(engine.exists(key)).as("flushed").isFalse();
        assertThat(browser.sessionKey()).as("cookie deleted").isNull();
    }

    @Test
    void logoutFlushesTheSessionAndDeletesTheCookie() throws SQLException {
        user("judy", "judy-pw");
        Browser browser = new Browser(port);
        browser.login("judy", "judy-pw");
        String key = browser.sessionKey();

        HttpResponse<String> logout = browser.submit("/account", "/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).get().asString().endsWith("/");
        assertThat(logout.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("sessionid=\"\"").contains("Max-Age=0"));
        assertThat(engine.exists(key)).as("row gone").isFalse();
        assertThat(browser.sessionKey()).isNull();
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void anonymousRequestsStoreNoSession() throws SQLException {
        user("mallory", "mallory-pw");
        int before = DjangoTables.sessionRows(db);
        Browser browser = new Browser(port);

        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/login").statusCode()).isEqualTo(200);
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
        browser.login("mallory", "wrong");

        assertThat(DjangoTables.sessionRows(db)).isEqualTo(before);
        assertThat(browser.sessionKey()).isNull();
    }
}
