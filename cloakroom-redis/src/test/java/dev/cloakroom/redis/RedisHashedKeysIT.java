package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.internal.StoredKeys;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestRedis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code cache} engine with {@code hashKeys(true)}: the core conformance suite, and that Redis holds
 * hashes of the keys (key names and user index members), never the keys, while listing and revoking work.
 */
class RedisHashedKeysIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).hashKeys(true)
                .clock(settings.clock()).build();
    }

    @Test
    void redisHoldsTheHashOfTheKeyNeverTheKey() {
        String key = login("7");

        List<String> contents = redisContents();
        assertThat(contents).noneMatch(text -> text.contains(key));
        String hash = StoredKeys.hash(key);
        assertThat(contents).contains(REDIS.prefix() + hash, "member " + hash);
        assertThat(engine.load(key)).map(StoredSession::key).hasValue(key);
    }

    @Test
    void theStoredHashUsedAsTheKeyFindsNothing() {
        String key = login("7");
        String hash = StoredKeys.hash(key);

        assertThat(engine.load(hash)).isEmpty();
        assertThat(engine.exists(hash)).isFalse();
        assertThat(open(hash).get("_auth_user_id")).isNull();
        engine.delete(hash);
        assertThat(engine.load(key)).isPresent();
    }

    @Test
    void signingOutEverywhereElseKeepsTheCurrentSession() {
        String current = login("7");
        String phone = login("7");
        String otherUser = login("8");
        Session session = open(current);

        assertThat(UserSessions.revokeOthers(session)).isEqualTo(1);

        assertThat(engine.load(phone)).isEmpty();
        assertThat(engine.load(current)).isPresent();
        assertThat(engine.load(otherUser)).isPresent();
        List<SessionSummary> left = UserSessions.sessionsOf(session);
        assertThat(left).extracting(SessionSummary::key).containsExactly(StoredKeys.hash(current));
        assertThat(UserSessions.isCurrent(left.get(0), session)).isTrue();
    }

    @Test
    void revokingOneListedSessionDeletesItAndItsIndexEntry() {
        String kept = login("7");
        String revoked = login("7");
        String listed = StoredKeys.hash(revoked);
        assertThat(UserSessions.sessionsOf(engine, "7")).extracting(SessionSummary::key)
                .containsExactlyInAnyOrder(StoredKeys.hash(kept), listed);

        assertThat(engine.deleteStored(listed)).isTrue();

        assertThat(engine.load(revoked)).isEmpty();
        assertThat(engine.load(kept)).isPresent();
        assertThat(TestRedis.<List<String>>with(redis -> redis.zrange(REDIS.prefix() + "user:7", 0, -1)))
                .containsExactly(StoredKeys.hash(kept));
        assertThat(engine.deleteStored(listed)).isFalse();
    }

    /** A session logged in (verified) as {@code userId}; returns its key. */
    private String login(String userId) {
        Session session = newSession();
        session.put("_auth_user_id", userId);
        session.setVerifiedUser(userId);
        return saved(session);
    }

    /** The class's key names, their hash fields and values, and user index members ("member ..."). */
    private List<String> redisContents() {
        return TestRedis.with(redis -> {
            List<String> contents = new ArrayList<>();
            for (String name : TestRedis.keys(redis, REDIS.prefix())) {
                contents.add(name);
                if ("zset".equals(redis.type(name))) {
                    redis.zrange(name, 0, -1).forEach(member -> contents.add("member " + member));
                } else {
                    redis.hgetall(name).forEach((field, value) -> contents.add(field + "=" + value));
                }
            }
            return contents;
        });
    }
}
