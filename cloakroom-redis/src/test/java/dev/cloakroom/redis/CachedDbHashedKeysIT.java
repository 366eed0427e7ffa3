package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.Session;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.contrib.auth.UserSessions;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.internal.StoredKeys;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testkit.ServerSideEngineContract;
import dev.cloakroom.testservers.ClassRedis;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestDatabases;
import dev.cloakroom.testservers.TestRedis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cached_db} with keys hashed in both halves: the shared test Redis in front of an SQLite file. */
class CachedDbHashedKeysIT extends ServerSideEngineContract {

    @RegisterExtension
    static final ClassRedis REDIS = RealServers.redis();

    @TempDir
    Path directory;

    private RedisEngine cache(SessionSettings settings, boolean hashKeys) {
        return RedisEngine.builder(REDIS.url()).keyPrefix(REDIS.prefix()).clock(settings.clock())
                .hashKeys(hashKeys).build();
    }

    private JdbcEngine db(SessionSettings settings, boolean hashKeys) {
        return JdbcEngine.builder(TestDatabases.sqliteUrl(directory.resolve("sessions.db")))
                .clock(settings.clock()).userColumn().hashKeys(hashKeys).build();
    }

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        return CachedDbEngine.builder(cache(settings, true), db(settings, true)).clock(settings.clock())
                .build();
    }

    @Test
    void bothHalvesMustHashOrNeither() {
        try (RedisEngine cache = cache(settings, false); JdbcEngine db = db(settings, true)) {
            assertThatThrownBy(() -> CachedDbEngine.of(cache, db))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hashKeys on for both or for neither");
        }
    }

    @Test
    void revokingAListedSessionEvictsItFromTheCacheToo() {
        String kept = login("7");
        String revoked = login("7");
        assertThat(engine.load(revoked)).isPresent(); // cached now
        String listed = StoredKeys.hash(revoked);
        assertThat(((UserSessionIndex) engine).sessionsOf("7")).extracting(SessionSummary::key)
                .containsExactlyInAnyOrder(StoredKeys.hash(kept), listed);

        assertThat(engine.deleteStored(listed)).isTrue();

        assertThat(engine.load(revoked)).isEmpty();
        assertThat(TestRedis.<Long>with(redis -> redis.exists(REDIS.prefix() + listed))).isZero();
        assertThat(engine.load(kept)).isPresent();
    }

    @Test
    void signingOutEverywhereElseEvictsTheOthersFromTheCache() {
        String current = login("7");
        String phone = login("7");
        assertThat(engine.load(phone)).isPresent();

        assertThat(UserSessions.revokeOthers(open(current))).isEqualTo(1);

        assertThat(engine.load(phone)).isEmpty();
        String phoneHash = REDIS.prefix() + StoredKeys.hash(phone);
        assertThat(TestRedis.<Long>with(redis -> redis.exists(phoneHash))).isZero();
        assertThat(engine.load(current)).isPresent();
        assertThat(engine.load(StoredKeys.hash(current))).isEmpty();
    }

    private String login(String userId) {
        Session session = newSession();
        session.put("_auth_user_id", userId);
        session.setVerifiedUser(userId);
        return saved(session);
    }
}
