package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An engine on the application's own Lettuce client or resources: it uses them and leaves them running. */
class RedisApplicationClientIT {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    private final SessionSettings settings = SessionSettings.builder().secretKey("app-client").build();

    private String saveOne(RedisEngine engine) {
        Session session = Session.open(engine, settings, null);
        session.put("count", 7);
        session.save();
        return session.key();
    }

    @Test
    void engineOnTheApplicationsClientStoresSessionsAndClosingItLeavesTheClientUsable() {
        RedisClient client = RedisClient.create(REDIS.url());
        try {
            RedisEngine engine = RedisEngine.builder(client).keyPrefix(REDIS.prefix()).build();
            String key = saveOne(engine);
            assertThat(Session.open(engine, settings, key).get("count", Integer.class)).isEqualTo(7);
            assertThat(engine.toString()).contains("the application's Redis client");

            engine.close();

            assertThatThrownBy(() -> engine.load(key)).isInstanceOf(SessionStorageException.class)
                    .hasMessageContaining("is closed");
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().ping()).isEqualTo("PONG");
                assertThat(connection.sync().hexists(REDIS.prefix() + key, "d"))
                        .as("the session the engine stored, seen through the application's client").isTrue();
            }
            RedisEngine again = RedisEngine.builder(client).keyPrefix(REDIS.prefix()).build();
            try (again) {
                assertThat(Session.open(again, settings, key).get("count", Integer.class)).isEqualTo(7);
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void engineOnSharedResourcesLeavesThemRunningWhenClosed() {
        ClientResources resources = DefaultClientResources.create();
        try {
            RedisEngine engine = RedisEngine.builder(REDIS.url()).clientResources(resources)
                    .keyPrefix(REDIS.prefix()).build();
            String key = saveOne(engine);
            assertThat(Session.open(engine, settings, key).get("count", Integer.class)).isEqualTo(7);

            engine.close();

            assertThat(resources.eventExecutorGroup().isShuttingDown()).isFalse();
            RedisClient other = RedisClient.create(resources, REDIS.url());
            try (StatefulRedisConnection<String, String> connection = other.connect()) {
                assertThat(connection.sync().hexists(REDIS.prefix() + key, "d")).isTrue();
            } finally {
                other.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
        }
    }

    @Test
    void anApplicationsClientCannotBeGivenResourcesToo() {
        RedisClient client = RedisClient.create(REDIS.url());
        ClientResources resources = DefaultClientResources.create();
        try {
            assertThatThrownBy(() -> RedisEngine.builder(client).clientResources(resources).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("application's client");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
        }
    }
}
