package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.StoredSession;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A database on a closed port (nothing listens on 127.0.0.1:1): a clear failure within the timeout. */
class UnreachableDatabaseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(1500);

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:1/test?user=postgres",
            "jdbc:mariadb://127.0.0.1:1/test?user=root"})
    void everyOperationFailsWithinTheConnectionTimeoutNamingDatabaseAndOperation(String url) {
        try (JdbcEngine engine = JdbcEngine.builder(url).createSchema(false).connectionTimeout(TIMEOUT)
                .build()) {
            Instant later = Instant.now().plusSeconds(60);
            StoredSession session = new StoredSession("abcdefgh12345678", "data", later, null);
            assertFailsInTime(() -> engine.load("abcdefgh12345678"), "127.0.0.1:1",
                    "failed to load session …345678");
            assertFailsInTime(() -> engine.create(session), "127.0.0.1:1",
                    "failed to create session …345678");
            assertFailsInTime(() -> engine.save(session, session), "127.0.0.1:1",
                    "failed to save session …345678");
            assertFailsInTime(() -> engine.exists("abcdefgh12345678"), "127.0.0.1:1", "look up session");
            assertFailsInTime(() -> engine.delete("abcdefgh12345678"), "127.0.0.1:1", "delete session");
            assertFailsInTime(engine::clearExpired, "127.0.0.1:1", "clear expired sessions");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:1/test?user=postgres",
            "jdbc:mariadb://127.0.0.1:1/test?user=root"})
    void buildingWithSchemaCreationFailsWithinTheTimeout(String url) {
        assertFailsInTime(() -> JdbcEngine.builder(url).connectionTimeout(TIMEOUT).build(), "127.0.0.1:1",
                "failed to migrate the schema");
    }

    /** A HikariCP pool names its URL, so the engine builds without connecting and fails on use. */
    @Test
    void engineOnAnUnreachableHikariPoolBuildsAndFailsOnUse() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/test?user=postgres");
        config.setConnectionTimeout(TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config);
                JdbcEngine engine = JdbcEngine.builder(pool).createSchema(false).build()) {
            assertFailsInTime(() -> engine.load("abcdefgh12345678"), "PostgreSQL at 127.0.0.1:1",
                    "load session");
        }
    }

    private static void assertFailsInTime(ThrowingCallable call, String... messageParts) {
        long started = System.nanoTime();
        assertThatThrownBy(call).isInstanceOf(SessionStorageException.class)
                .hasMessageContainingAll(messageParts)
                .hasMessageNotContaining("abcdefgh12345678").hasMessageContaining("reconnects by itself")
                .cause().isNotNull();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(elapsed).as("time to fail").isLessThan(TIMEOUT.plus(MARGIN));
    }
}
