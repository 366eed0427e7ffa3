package dev.cloakroom.servlet.contrib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.contrib.auth.UserLookup;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.redis.RedisEngine;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.servlet.Sessions;
import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Login, "where you're logged in" and "sign out everywhere else" over HTTP, on every engine that indexes
 * sessions by user: memory, db on SQLite and on the test PostgreSQL, cache on the test Redis. Each engine
 * works in the test class's own table or key prefix, removed afterwards.
 */
class SignOutEverywhereIT {

    @RegisterExtension
    static final ClassDatabase SQLITE = RealServers.sqlite();
    @RegisterExtension
    static final ClassDatabase POSTGRES = RealServers.postgres();
    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    private static final Map<String, AuthUser> USERS = Map.of(
            "1", AuthUser.of("1", "pbkdf2_sha256$1$salt$alice"),
            "2", AuthUser.of("2", "pbkdf2_sha256$1$salt$bob"));
    private static final UserLookup<AuthUser> LOOKUP = id -> Optional.ofNullable(USERS.get(id));

    /** An engine for one run; closing it closes the engine (the extensions remove its storage). */
    private record Backend(ServerSideEngine engine) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (engine instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("memory", (Supplier<Backend>) SignOutEverywhereIT::memory),
                Arguments.of("db on SQLite", (Supplier<Backend>) SignOutEverywhereIT::sqlite),
                Arguments.of("db on PostgreSQL", (Supplier<Backend>) SignOutEverywhereIT::postgres),
                Arguments.of("cache on Redis", (Supplier<Backend>) SignOutEverywhereIT::redis));
    }

    private static Backend memory() {
        return new Backend(MemoryEngine.create());
    }

    private static Backend sqlite() {
        return new Backend(JdbcEngine.builder(SQLITE.dataSource()).table(SQLITE.table()).userColumn()
                .build());
    }

    private static Backend postgres() {
        return new Backend(JdbcEngine.builder(POSTGRES.dataSource()).table(POSTGRES.table()).userColumn()
                .build());
    }

    private static Backend redis() {
        return new Backend(RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).build());
    }

    /** Fails the request (a 500) unless a user is logged in. */
    private static void requireLogin(jakarta.servlet.http.HttpServletRequest request) {
        if (ServletAuth.currentUser(request, LOOKUP).isEmpty()) {
            throw new IllegalStateException("not logged in");
        }
    }

    private static JettyApp start(SessionEngine engine) throws Exception {
        SessionSettings settings = SessionSettings.builder().secretKey("signout-it-secret").build();
        return JettyApp.start((request, response) -> {
            response.setContentType("text/plain;charset=UTF-8");
            switch (request.getRequestURI()) {
                case "/login" -> {
                    ServletAuth.login(request, USERS.get(request.getParameter("user")));
                    response.getWriter().write("ok");
                }
                case "/me" -> response.getWriter().write(ServletAuth.currentUser(request, LOOKUP)
                        .map(AuthUser::id).orElse("anonymous"));
                case "/sessions" -> {
                    requireLogin(request);
                    int count = UserSessions.sessionsOf(Sessions.of(request)).size();
                    response.getWriter().write(Integer.toString(count));
                }
                case "/signout-others" -> {
                    requireLogin(request);
                    int revoked = UserSessions.revokeOthers(Sessions.of(request));
                    response.getWriter().write(Integer.toString(revoked));
                }
                case "/logout" -> {
                    ServletAuth.logout(request);
                    response.getWriter().write("bye");
                }
                default -> response.setStatus(404);
            }
        }, new SessionFilter(engine, settings));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void signingOutEverywhereElseKeepsThisSessionAndOtherUsers(String name, Supplier<Backend> backends)
            throws Exception {
        try (Backend backend = backends.get(); JettyApp app = start(backend.engine())) {
            ServerSideEngine engine = backend.engine();
            JettyApp.Browser laptop = app.browser();
            JettyApp.Browser phone = app.browser();
            JettyApp.Browser bob = app.browser();
            assertThat(laptop.postForm("/login", "user=1").statusCode()).isEqualTo(200);
            assertThat(phone.postForm("/login", "user=1").statusCode()).isEqualTo(200);
            assertThat(bob.postForm("/login", "user=2").statusCode()).isEqualTo(200);
            assertThat(laptop.get("/me").body()).isEqualTo("1");
            assertThat(phone.get("/me").body()).isEqualTo("1");
            assertThat(laptop.get("/sessions").body()).isEqualTo("2");
            String laptopKey = laptop.cookie("sessionid");
            String phoneKey = phone.cookie("sessionid");
            String bobKey = bob.cookie("sessionid");
            assertThat(List.of(laptopKey, phoneKey, bobKey)).doesNotContainNull().doesNotHaveDuplicates();

            assertThat(laptop.postForm("/signout-others", "").body()).isEqualTo("1");

            assertThat(engine.exists(phoneKey)).as("the user's other session is gone").isFalse();
            assertThat(engine.exists(laptopKey)).as("the current session remains").isTrue();
            assertThat(engine.exists(bobKey)).as("another user's session remains").isTrue();
            assertThat(laptop.get("/me").body()).isEqualTo("1");
            assertThat(phone.get("/me").body()).isEqualTo("anonymous");
            assertThat(bob.get("/me").body()).isEqualTo("2");
            assertThat(laptop.get("/sessions").body()).isEqualTo("1");
            assertThat(UserSessions.sessionsOf(engine, "2")).hasSize(1);

            laptop.postForm("/logout", "");
            assertThat(laptop.get("/me").body()).isEqualTo("anonymous");
            assertThat(UserSessions.sessionsOf(engine, "1")).isEmpty();
        }
    }
}
