package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.PrivateRedis;
import dev.cloakroom.testservers.PrivateSentinel;
import dev.cloakroom.testservers.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conformance suite through a redis-sentinel:// URI, on a Sentinel and master of this test's own. */
class RedisSentinelIT extends ServerSideEngineContract {

    private static PrivateRedis master;
    private static PrivateSentinel sentinel;

    @BeforeAll
    static void startSentinel() throws Exception {
        master = PrivateRedis.launch();
        sentinel = PrivateSentinel.watching(master);
    }

    @AfterAll
    static void stopSentinel() throws Exception {
        sentinel.close();
        master.close();
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return RedisEngine.builder("redis-sentinel://127.0.0.1:" + sentinel.port() + "/3#mymaster")
                .clock(settings.clock()).build();
    }

    @Test
    void sessionsLandInTheMastersDatabaseNamedByTheUri() {
        String key = saved(withValue("via", "sentinel"));
        long inDatabase3 = TestRedis.with(master.url() + "/3",
                redis -> redis.exists("cloakroom:session:" + key));
        assertThat(inDatabase3).isOne();
        assertThat(engine.toString())
                .contains("Redis master 'mymaster' (database 3) via Sentinel at 127.0.0.1:"
                        + sentinel.port());
    }
}
