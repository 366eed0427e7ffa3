package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Security's form login, logout, session fixation protection and {@code maximumSessions(1)} on
 * Django's sessions, over real HTTP on embedded Tomcat. The database is a new SQLite file Django migrated;
 * the users are made by Django's {@code create_user}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginTest {

    @TempDir
    static Path directory;
    private static Django django;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate db;

    @BeforeAll
    static void djangoMadeTheDatabase() {
        django = SharedDatabase.newDjango(directory);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> django.jdbcUrl());
        registry.add("cloakroom.secret-key", () -> SharedDatabase.SECRET_KEY);
    }

    /** Whether {@code django_session} holds a row of {@code key}. */
    private boolean stored(String key) {
        return db.queryForObject("SELECT count(*) FROM django_session WHERE session_key = ?", Integer.class,
                key) == 1;
    }

    @Test
    void loginShowsTheUserOnTheProtectedPageUnderANewSessionKey() {
        django.createUser("alice", "alice-pw");
        Browser browser = new Browser(port);
        browser.get("/cart?item=book");
        String anonymousKey = browser.sessionKey();
        assertThat(anonymousKey).as("the cart made a session").isNotNull();

        HttpResponse<String> login = browser.login("alice", "alice-pw");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/account");
        assertThat(browser.sessionKey()).as("the key changed at login")
                .isNotNull().isNotEqualTo(anonymousKey);
        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Hello alice; visit 1; in your cart: book");
        assertThat(browser.get("/account").body()).contains("Hello alice; visit 2");
    }

    @Test
    void logoutFlushesTheSessionAndTheProtectedPageSendsToTheLogin() {
        django.createUser("bob", "bob-pw");
        Browser browser = new Browser(port);
        browser.login("bob", "bob-pw");
        String key = browser.sessionKey();
        assertThat(stored(key)).isTrue();

        HttpResponse<String> logout = browser.logout();

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(stored(key)).as("the row is gone").isFalse();
        assertThat(logout.headers().allValues("Set-Cookie")).as("the cookie is deleted")
                .anySatisfy(c -> assertThat(c).startsWith("sessionid=\"\"").contains("Max-Age=0"));
        assertThat(browser.sessionKey()).isNull();
        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void aKeySetBeforeTheLoginIsDeadAfterIt() {
        django.createUser("carol", "carol-pw");
        Browser victim = new Browser(port);
        victim.get("/cart?item=lamp");
        String fixed = victim.sessionKey();
        assertThat(fixed).isNotNull();

        victim.login("carol", "carol-pw");

        assertThat(stored(fixed)).as("the old row is deleted at login").isFalse();
        Browser attacker = new Browser(port);
        attacker.useSessionKey(fixed);
        HttpResponse<String> account = attacker.get("/account");
        assertThat(account.statusCode()).as("the old key names nothing").isEqualTo(302);
        assertThat(account.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(victim.get("/account").body()).contains("Hello carol; visit 1; in your cart: lamp");
    }

    @Test
    void aSecondLoginEndsTheFirstSession() {
        django.createUser("dave", "dave-pw");
        Browser first = new Browser(port);
        first.login("dave", "dave-pw");
        String firstKey = first.sessionKey();
        assertThat(first.get("/account").statusCode()).isEqualTo(200);

        Browser second = new Browser(port);
        second.login("dave", "dave-pw");

        assertThat(stored(firstKey)).as("the first session is deleted").isFalse();
        HttpResponse<String> expired = first.get("/account");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(second.get("/account").body()).contains("Hello dave");
    }

    @Test
    void aWrongPasswordDoesNotLogIn() {
        django.createUser("erin", "erin-pw");
        Browser browser = new Browser(port);

        HttpResponse<String> login = browser.login("erin", "wrong");

        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }
}
