package dev.cloakroom.servlet.contrib;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.contrib.auth.UserLookup;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testservers.TestDatabases;
import dev.cloakroom.redis.RedisEngine;
import dev.cloakroom.servlet.SessionFilter;
import dev.cloakroom.servlet.Sessions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Login, "where you're logged in" and "sign out everywhere else" over HTTP, on every engine that indexes
 * sessions by user: memory, db on SQLite and on the test PostgreSQL, cache on the test Redis. Each run
 * works in its own table or key prefix and removes it afterwards.
 */
class SignOutEverywhereIT {

    /** The test Redis, as cloakroom-redis's tests find it. */
    private static final String REDIS_URL = System.getenv().getOrDefault("CLOAKROOM_TEST_REDIS_URL",
            "redis://127.0.0.1:6379");

    private static final Map<String, AuthUser> USERS = Map.of(
            "1", AuthUser.of("1", "pbkdf2_sha256$1$salt$alice"),
            "2", AuthUser.of("2", "pbkdf2_sha256$1$salt$bob"));
    private static final UserLookup<AuthUser> LOOKUP = id -> Optional.ofNullable(USERS.get(id));

    @TempDir
    static Path dir;

    /** What closes an engine and removes its storage. */
    @FunctionalInterface
    private interface Cleanup {
        void run() throws SQLException;
    }

    /** An engine for one run; closing it runs its cleanup. */
    private record Backend(ServerSideEngine engine, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            cleanup.run();
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
        return new Backend(MemoryEngine.create(), () -> { });
    }

    private static Backend sqlite() {
        try {
            Path file = Files.createTempFile(dir, "sessions", ".sqlite3");
            JdbcEngine engine = JdbcEngine.builder(TestDatabases.sqliteUrl(file))
                    .table(TestDatabases.uniqueTableName()).userColumn().build();
            return new Backend(engine, engine::close); // the file goes with the @TempDir
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Backend postgres() {
        HikariDataSource dataSource = TestDatabases.postgres();
        String table = TestDatabases.uniqueTableName();
        JdbcEngine engine = JdbcEngine.builder(dataSource).table(table).userColumn().build();
        return new Backend(engine, () -> {
            engine.close();
            try (dataSource) {
                TestDatabases.dropTable(dataSource, table);
            }
        });
    }

    private static Backend redis() {
        String prefix = "cloakroom-test:SignOutEverywhereIT:" + UUID.randomUUID().toString().substring(0, 8)
                + ":";
        RedisEngine engine = RedisEngine.builder(REDIS_URL).keyPrefix(prefix).build();
        return new Backend(engine, () -> {
            engine.close();
            deleteRedisKeys(prefix);
        });
    }

    /** Deletes every key under {@code prefix} on the test Redis, found with SCAN. */
    private static void deleteRedisKeys(String prefix) {
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> keys = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*")
                        .limit(1000));
                keys.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
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
