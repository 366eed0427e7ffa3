package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.internal.StoredKeys;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.PrivateCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core conformance suite on a three-master Redis Cluster of this test's own, plus the user index,
 * whose sorted set lives in another slot than the sessions it lists.
 */
class RedisClusterIT extends ServerSideEngineContract {

    private static PrivateCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PrivateCluster.launch();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return RedisEngine.builder(cluster.urls()).clock(settings.clock()).build();
    }

    @Test
    void sessionsSpreadOverTheNodesAndTheUserIndexFindsThemAll() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Session session = newSession();
            session.put("_auth_user_id", "cluster-user");
            session.setVerifiedUser("cluster-user");
            keys.add(saved(session));
        }
        long nodesWithSessions = cluster.sumOverNodes(redis -> redis.dbsize() > 1 ? 1 : 0);
        assertThat(nodesWithSessions).as("nodes holding sessions").isGreaterThan(1);

        RedisEngine redis = (RedisEngine) engine;
        assertThat(redis.sessionsOf("cluster-user")).extracting(SessionSummary::key)
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(redis.revokeAll("cluster-user", keys.get(0))).isEqualTo(11);
        assertThat(redis.sessionsOf("cluster-user")).extracting(SessionSummary::key)
                .containsExactly(keys.get(0));
        assertThat(engine.load(keys.get(5))).isEmpty();
    }

    @Test
    void hashedKeysKeepTheUserIndexListingAndRevokingWorkingAcrossSlots() {
        try (RedisEngine hashing = RedisEngine.builder(cluster.urls()).hashKeys(true).clock(clock).build()) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Session session = Session.open(hashing, settings, null);
                session.put("_auth_user_id", "hashed-user");
                session.setVerifiedUser("hashed-user");
                session.save();
                keys.add(session.key());
            }
            assertThat(hashing.sessionsOf("hashed-user")).extracting(SessionSummary::key)
                    .containsExactlyInAnyOrderElementsOf(keys.stream().map(StoredKeys::hash).toList());

            assertThat(hashing.deleteStored(StoredKeys.hash(keys.get(1)))).isTrue();
            assertThat(hashing.revokeAll("hashed-user", keys.get(0))).isEqualTo(4);

            assertThat(hashing.sessionsOf("hashed-user")).extracting(SessionSummary::key)
                    .containsExactly(StoredKeys.hash(keys.get(0)));
            assertThat(hashing.load(keys.get(0))).isPresent();
            assertThat(hashing.load(StoredKeys.hash(keys.get(0)))).isEmpty();
            hashing.delete(keys.get(0));
        }
    }

    @Test
    void oneSeedNodeIsEnoughWithTheClusterOption() {
        try (RedisEngine one = RedisEngine.builder(cluster.urls().get(0)).cluster(true).clock(clock)
                .build()) {
            Session session = Session.open(one, settings, null);
            session.put("seed", 1);
            session.save();
            assertThat(Session.open(engine, settings, session.key()).get("seed")).isEqualTo(1);
            one.delete(session.key());
        }
    }
}
