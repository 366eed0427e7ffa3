package dev.cloakroom.springsecurity.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.djangoauth.DjangoPasswordHasher;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.springsecurity.DjangoSessionRegistry;
import dev.cloakroom.springsecurity.DjangoUserDetails;
import dev.cloakroom.testservers.ClassSchema;
import dev.cloakroom.testservers.RealServers;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code maximumSessions(1)} over {@link DjangoSessionRegistry}: Spring Security counts a user's sessions in
 * the store's user index and expires the oldest by deleting it, over real HTTP on a PostgreSQL schema of the
 * class's own.
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.secret-key=maximum-sessions-it-secret", "app.pbkdf2-iterations=1000",
            "app.maximum-sessions=1"})
@DirtiesContext
class MaximumSessionsIT {

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
    DjangoSessionRegistry registry;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SCHEMA::url);
    }

    @BeforeAll
    static void djangoUsers() throws SQLException {
        DjangoTables.createAuthUser(SCHEMA.url());
    }

    @Test
    void aSecondLoginEndsTheFirstSessionOfThatUserOnly() throws SQLException {
        DjangoTables.insertUser(db, "alice", hasher.hash("alice-pw"));
        DjangoTables.insertUser(db, "bob", hasher.hash("bob-pw"));
        Browser first = new Browser(port);
        Browser bob = new Browser(port);
        first.login("alice", "alice-pw");
        bob.login("bob", "bob-pw");
        String firstKey = first.sessionKey();
        assertThat(first.get("/account").statusCode()).isEqualTo(200);

        Browser second = new Browser(port);
        assertThat(second.login("alice", "alice-pw").headers().firstValue("Location")).get().asString()
                .endsWith("/account");

        assertThat(engine.exists(firstKey)).as("the older session is deleted").isFalse();
        HttpResponse<String> expired = first.get("/account");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(second.get("/account").body()).contains("Hello alice");
        assertThat(bob.get("/account").body()).as("other users keep theirs").contains("Hello bob");
        assertThat(registry.getAllSessions("alice", false)).extracting(SessionInformation::getSessionId)
                .containsExactly(second.sessionKey());
    }

    @Test
    void theRegistryReadsAndExpiresSessionsInTheStore() throws SQLException {
        String id = DjangoTables.insertUser(db, "carol", hasher.hash("carol-pw"));
        Browser browser = new Browser(port);
        browser.login("carol", "carol-pw");
        String key = browser.sessionKey();

        List<SessionInformation> sessions = registry.getAllSessions("carol", false);
        assertThat(sessions).extracting(SessionInformation::getSessionId).containsExactly(key);
        SessionInformation info = registry.getSessionInformation(key);
        assertThat(info).isNotNull();
        assertThat(info.getPrincipal()).isInstanceOfSatisfying(DjangoUserDetails.class,
                user -> assertThat(user.id()).isEqualTo(id));
        assertThat(registry.getSessionInformation("nosuchsessionkey00000000000000")).isNull();
        assertThat(registry.getAllSessions("nobody", false)).isEmpty();

        sessions.get(0).expireNow();

        assertThat(sessions.get(0).isExpired()).isTrue();
        assertThat(engine.exists(key)).isFalse();
        assertThat(registry.getSessionInformation(key)).isNull();
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }
}
