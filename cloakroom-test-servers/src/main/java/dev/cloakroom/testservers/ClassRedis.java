package dev.cloakroom.testservers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's key space on the shared test Redis ({@link TestRedis#URL}): a key prefix no other class
 * uses, checked to be reachable before the class's first test (a missing Redis fails the class), and every
 * key under it deleted after its last. Get one from {@link RealServers}:
 * {@code @RegisterExtension static final ClassRedis REDIS = RealServers.redis();}.
 */
public final class ClassRedis implements BeforeAllCallback, AfterAllCallback {

    private String prefix;

    ClassRedis() {
    }

    /** The URL of the shared test Redis. */
    public String url() {
        return TestRedis.URL;
    }

    /** The class's key prefix: {@code cloakroom-test:<class>:<random>:}. */
    public String prefix() {
        if (prefix == null) {
            throw new IllegalStateException("ClassRedis runs only as a static @RegisterExtension field");
        }
        return prefix;
    }

    /** Deletes every key under the class's prefix; returns how many there were. */
    public long deleteKeys() {
        return TestRedis.deleteKeys(prefix());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String ping = TestRedis.with(redis -> redis.ping());
        if (!"PONG".equals(ping)) {
            throw new IllegalStateException("the test Redis at " + TestRedis.URL + " answered " + ping);
        }
        prefix = TestRedis.uniquePrefix(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (prefix != null) {
            try {
                TestRedis.deleteKeys(prefix);
            } finally {
                prefix = null;
            }
        }
    }
}
