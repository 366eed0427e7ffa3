package dev.cloakroom.testservers;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shared Redis of the test machine (127.0.0.1:6379, or {@code CLOAKROOM_TEST_REDIS_URL}), and direct
 * access to it for assertions and cleanup. Each test class writes under its own random key prefix and
 * deletes its keys afterwards, so modules can run their tests at the same time. Tests fail, never skip,
 * when Redis is missing.
 */
public final class TestRedis {

    /** The shared test Redis. */
    public static final String URL = System.getenv().getOrDefault("CLOAKROOM_TEST_REDIS_URL",
            "redis://127.0.0.1:6379");

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestRedis() {
    }

    /** The shared test Redis, database {@code number}. */
    public static String database(int number) {
        return URL.replaceFirst("/\\d+$", "") + "/" + number;
    }

    /** A key prefix no other test class uses: {@code cloakroom-test:<class>:<random>:}. */
    public static String uniquePrefix(Class<?> testClass) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            random.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return "cloakroom-test:" + testClass.getSimpleName() + ":" + random + ":";
    }

    /** Runs {@code work} on a fresh plain connection to {@code url}, outside any engine. */
    public static <T> T with(String url, Function<RedisCommands<String, String>, T> work) {
        RedisClient client = RedisClient.create(RedisURI.create(url));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** Runs {@code work} on the shared test Redis. */
    public static <T> T with(Function<RedisCommands<String, String>, T> work) {
        return with(URL, work);
    }

    /** The keys under {@code prefix}, found with SCAN. */
    public static List<String> keys(RedisCommands<String, String> redis, String prefix) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*")
                    .limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** Deletes every key under {@code prefix} on {@code url}; returns how many. */
    public static long deleteKeys(String url, String prefix) {
        return with(url, redis -> {
            List<String> keys = keys(redis, prefix);
            return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
        });
    }

    /** Deletes every key under {@code prefix} on the shared test Redis. */
    public static long deleteKeys(String prefix) {
        return deleteKeys(URL, prefix);
    }
}
