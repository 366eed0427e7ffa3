package dev.cloakroom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.SaveResult;
import dev.cloakroom.Session;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionListing;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.FailingEngine;
import dev.cloakroom.testkit.ForwardingEngine;
import dev.cloakroom.testkit.LogCapture;
import dev.cloakroom.testkit.ServerSideEngineContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cached_db} over in-JVM engines: the conformance suite (memory over memory, and memory over
 * file in {@link OverFileDatabase}), then what the composition adds: surviving a failing cache, and never
 * letting the cache overrule the database.
 */
class CachedDbEngineTest extends ServerSideEngineContract {

    private static final String LOGGER = CachedDbEngine.class.getName();
    /** What a stopped Redis throws. */
    private static final Supplier<RuntimeException> REDIS_DOWN = () -> new SessionStorageException(
            "Redis at 127.0.0.1:6390 is not reachable while working on a session");

    @Override
    protected ServerSideEngine newEngine(SessionSettings settings) {
        MemoryEngine cache = MemoryEngine.create(settings.clock());
        return CachedDbEngine.builder(cache, MemoryEngine.create(settings.clock()))
                .clock(settings.clock()).build();
    }

    /** The suite again with a database that is not a user index and stores in files. */
    @Nested
    class OverFileDatabase extends ServerSideEngineContract {

        @TempDir
        Path directory;

        @Override
        protected ServerSideEngine newEngine(SessionSettings settings) {
            return CachedDbEngine.of(MemoryEngine.create(settings.clock()),
                    FileEngine.builder(settings).directory(directory).build());
        }
    }

    // ------------------------------------------------------------ a failing cache

    @Test
    void cacheDownServesEveryLoadAndSaveFromTheDatabaseWithARateLimitedWarn() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        MemoryEngine db = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.builder(cache, db).clock(clock)
                .retryCacheAfter(Duration.ZERO).warnInterval(Duration.ofSeconds(30)).build();
        cache.failWith(REDIS_DOWN);
        try (LogCapture log = LogCapture.of(LOGGER)) {
            Session first = Session.open(cachedDb, settings, null);
            first.put("count", 0);
            first.save();
            String key = first.key();
            for (int i = 0; i < 20; i++) {
                Session request = Session.open(cachedDb, settings, key);
                request.compute("count", Integer.class, n -> n + 1);
                request.save();
            }
            assertThat(Session.open(cachedDb, settings, key).get("count")).isEqualTo(20);
            assertThat(Session.open(db, settings, key).get("count")).isEqualTo(20);
            assertThat(cache.failures.get()).isGreaterThan(40);
            assertThat(log.lines()).hasSize(1).allMatch(l -> l.startsWith("WARN "))
                    .allMatch(l -> l.contains("serving sessions from the database"))
                    .allMatch(l -> l.contains("127.0.0.1:6390 is not reachable"));

            clock.advance(Duration.ofSeconds(30));
            Session.open(cachedDb, settings, key).get("count");
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(1))
                    .containsPattern("[1-9][0-9]* more cache failures since the last one");
        }
    }

    @Test
    void failingCacheIsLeftAloneUntilTheRetryPauseEndsAndThenUsedAgain() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        CountingEngine db = CountingEngine.wrap(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.builder(cache, db).clock(clock)
                .retryCacheAfter(Duration.ofSeconds(5)).build();
        String key = saved(cachedDb, Map.of("a", 1));

        cache.failWith(REDIS_DOWN);
        int callsBefore = cache.calls.get();
        for (int i = 0; i < 10; i++) {
            assertThat(Session.open(cachedDb, settings, key).get("a")).isEqualTo(1);
        }
        assertThat(cache.calls.get() - callsBefore).as("cache calls while paused").isEqualTo(1);

        cache.recover();
        clock.advance(Duration.ofSeconds(5));
        db.reads.set(0);
        assertThat(Session.open(cachedDb, settings, key).get("a")).isEqualTo(1);
        assertThat(db.reads.get()).as("database reads once the cache is back").isZero();
    }

    @Test
    void logoutWhileTheCacheIsDownDoesNotComeBackFromTheCacheAfterwards() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.builder(cache, MemoryEngine.create(clock))
                .clock(clock).build();
        String key = saved(cachedDb, Map.of("_auth_user_id", "7"));
        assertThat(cache.delegate().load(key)).isPresent();

        cache.failWith(REDIS_DOWN);
        Session.open(cachedDb, settings, key).flush();
        cache.recover();
        clock.advance(Duration.ofSeconds(5));

        assertThat(cache.delegate().load(key)).as("still in the cache before the next call").isPresent();
        assertThat(Session.open(cachedDb, settings, key).get("_auth_user_id")).isNull();
        assertThat(cache.delegate().load(key)).as("evicted once the cache answered").isEmpty();
    }

    @Test
    void sessionsChangedWhileTheCacheWasDownAreEvictedWhenItAnswersAgain() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.builder(cache, MemoryEngine.create(clock))
                .clock(clock).build();
        String changed = saved(cachedDb, Map.of("v", 1));
        String other = saved(cachedDb, Map.of("v", 1));

        cache.failWith(REDIS_DOWN);
        Session write = Session.open(cachedDb, settings, changed);
        write.put("v", 2);
        write.save();
        cache.recover();
        clock.advance(Duration.ofSeconds(5));

        assertThat(Session.open(cachedDb, settings, other).get("v")).isEqualTo(1); // any cache call drains
        assertThat(cache.delegate().load(changed)).isEmpty();
        assertThat(Session.open(cachedDb, settings, changed).get("v")).isEqualTo(2);
        assertThat(cache.delegate().load(changed)).as("refilled from the database").isPresent();
    }

    @Test
    void cacheThrowingAnyRuntimeExceptionIsSurvivedToo() {
        FailingEngine cache = new FailingEngine(MemoryEngine.create(clock));
        cache.failWith(() -> new IllegalStateException("connection pool closed"));
        CachedDbEngine cachedDb = CachedDbEngine.builder(cache, MemoryEngine.create(clock))
                .clock(clock).build();
        try (LogCapture log = LogCapture.of(LOGGER)) {
            String key = saved(cachedDb, Map.of("a", 1));
            assertThat(Session.open(cachedDb, settings, key).get("a")).isEqualTo(1);
            assertThat(cachedDb.exists(key)).isTrue();
            assertThat(log.lines()).singleElement().asString().contains("connection pool closed");
        }
    }

    @Test
    void databaseFailureIsNotHidden() {
        FailingEngine db = new FailingEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.of(MemoryEngine.create(clock), db);
        db.failWith(REDIS_DOWN);
        Session session = Session.open(cachedDb, settings, null);
        session.put("a", 1);
        assertThatThrownBy(session::save).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("127.0.0.1:6390");
    }

    // ------------------------------------------------------------ the cache never overrules the database

    @Test
    void cacheHitDoesNotTouchTheDatabase() {
        CountingEngine db = CountingEngine.wrap(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.of(MemoryEngine.create(clock), db);
        String key = saved(cachedDb, Map.of("a", 1));
        db.reads.set(0);
        assertThat(Session.open(cachedDb, settings, key).get("a")).isEqualTo(1);
        assertThat(cachedDb.exists(key)).isTrue();
        assertThat(db.reads.get()).isZero();
    }

    @Test
    void missReadsTheDatabaseRefillsTheCacheAndChecksTheRefill() {
        MemoryEngine cache = MemoryEngine.create(clock);
        CountingEngine db = CountingEngine.wrap(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, db);
        String key = saved(cachedDb, Map.of("a", 1));
        cache.delete(key);
        db.reads.set(0);
        assertThat(Session.open(cachedDb, settings, key).get("a")).isEqualTo(1);
        assertThat(db.reads.get()).isEqualTo(2);
        assertThat(cache.load(key)).isPresent();
        db.reads.set(0);
        assertThat(Session.open(cachedDb, settings, key).get("a")).isEqualTo(1);
        assertThat(db.reads.get()).isZero();
    }

    @Test
    void refillRacingALogoutDoesNotResurrectTheSession() {
        HookedEngine cache = new HookedEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, MemoryEngine.create(clock));
        StoredSession v1 = stored("k0000000000005", "v1");
        cachedDb.create(v1);
        cache.delegate().delete(v1.key());
        // Another request logs out between this load's database read and its refill of the cache.
        cache.beforeCreate = () -> cachedDb.delete(v1.key());
        assertThat(cachedDb.load(v1.key())).isEmpty();
        assertThat(cache.delegate().load(v1.key())).as("the refill was taken back").isEmpty();
        assertThat(cachedDb.load(v1.key())).isEmpty();
    }

    @Test
    void refillRacingASaveKeepsTheNewerData() {
        HookedEngine cache = new HookedEngine(MemoryEngine.create(clock));
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, MemoryEngine.create(clock));
        StoredSession v1 = stored("k0000000000006", "v1");
        StoredSession v2 = stored(v1.key(), "v2");
        cachedDb.create(v1);
        cache.delegate().delete(v1.key());
        // Another request saves v2 between this load's database read (v1) and its refill.
        cache.beforeCreate = () -> {
            cache.beforeCreate = () -> { };
            assertThat(cachedDb.save(v1, v2)).isEqualTo(SaveResult.SAVED);
        };
        assertThat(cachedDb.load(v1.key())).map(StoredSession::data).hasValue("v2");
        assertThat(cache.delegate().load(v1.key())).as("the old refill was taken back").isEmpty();
        assertThat(cachedDb.load(v1.key())).map(StoredSession::data).hasValue("v2");
        assertThat(cache.delegate().load(v1.key())).map(StoredSession::data).hasValue("v2");
    }

    @Test
    void staleCacheEntryCostsOneConflictAndTheDatabaseWins() {
        MemoryEngine cache = MemoryEngine.create(clock);
        MemoryEngine db = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, db);
        String key = saved(cachedDb, Map.of("v", 1));
        Session elsewhere = Session.open(db, settings, key); // a write the cache never saw
        elsewhere.put("w", 1);
        elsewhere.save();

        Session session = Session.open(cachedDb, settings, key);
        assertThat(session.get("w")).as("served from the stale cache").isNull();
        session.put("v", 2);
        session.save();

        Session reloaded = Session.open(db, settings, key);
        assertThat(reloaded.get("v")).isEqualTo(2);
        assertThat(reloaded.get("w")).isEqualTo(1);
        assertThat(Session.open(cachedDb, settings, key).get("w")).isEqualTo(1);
    }

    @Test
    void cacheOutOfStepWithTheDatabaseIsEvictedRatherThanOverwritten() {
        MemoryEngine cache = MemoryEngine.create(clock);
        MemoryEngine db = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, db);
        StoredSession v1 = stored("k0000000000001", "v1");
        StoredSession v2 = stored("k0000000000001", "v2");
        StoredSession v3 = stored("k0000000000001", "v3");
        assertThat(cachedDb.create(v1)).isTrue();
        db.save(v1, v2); // the cache write for v1 → v2 is still on its way

        assertThat(cachedDb.save(v2, v3)).isEqualTo(SaveResult.SAVED);
        assertThat(cache.load(v1.key())).as("not v3 on top of an unknown state").isEmpty();
        assertThat(cachedDb.load(v1.key())).map(StoredSession::data).hasValue("v3");
    }

    @Test
    void saveWithoutLoadingEvictsTheCacheEntry() {
        MemoryEngine cache = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, MemoryEngine.create(clock));
        StoredSession v1 = stored("k0000000000002", "v1");
        cachedDb.create(v1);
        assertThat(cachedDb.save(null, stored(v1.key(), "v2"))).isEqualTo(SaveResult.SAVED);
        assertThat(cache.load(v1.key())).isEmpty();
        assertThat(cachedDb.load(v1.key())).map(StoredSession::data).hasValue("v2");
    }

    @Test
    void conflictOrGoneInTheDatabaseEvictsTheCacheEntry() {
        MemoryEngine cache = MemoryEngine.create(clock);
        MemoryEngine db = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, db);
        StoredSession v1 = stored("k0000000000003", "v1");
        cachedDb.create(v1);
        db.save(v1, stored(v1.key(), "v2"));
        assertThat(cachedDb.save(v1, stored(v1.key(), "v3"))).isEqualTo(SaveResult.CONFLICT);
        assertThat(cache.load(v1.key())).isEmpty();

        cachedDb.load(v1.key());
        db.delete(v1.key());
        assertThat(cachedDb.save(stored(v1.key(), "v2"), stored(v1.key(), "v4"))).isEqualTo(SaveResult.GONE);
        assertThat(cache.load(v1.key())).isEmpty();
    }

    @Test
    void createOverALeftoverInTheCacheEvictsTheLeftover() {
        MemoryEngine cache = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, MemoryEngine.create(clock));
        cache.create(stored("k0000000000004", "leftover"));
        assertThat(cachedDb.create(stored("k0000000000004", "new"))).isTrue();
        assertThat(cache.load("k0000000000004")).isEmpty();
        assertThat(cachedDb.load("k0000000000004")).map(StoredSession::data).hasValue("new");
    }

    // ------------------------------------------------------------ user index and configuration

    @Test
    void isAUserIndexExactlyWhenTheDatabaseIs(@TempDir Path directory) {
        assertThat(CachedDbEngine.of(MemoryEngine.create(clock), MemoryEngine.create(clock)))
                .isInstanceOf(UserSessionIndex.class);
        assertThat(CachedDbEngine.of(MemoryEngine.create(clock),
                FileEngine.builder(settings).directory(directory).build()))
                .isNotInstanceOf(UserSessionIndex.class);
    }

    @Test
    void capabilitiesAreTheDatabaseEngines(@TempDir Path directory) {
        MemoryEngine memory = MemoryEngine.create(clock);
        CachedDbEngine both = CachedDbEngine.of(MemoryEngine.create(clock), memory);
        CachedDbEngine neither = CachedDbEngine.of(MemoryEngine.create(clock), new NotIndexingEngine(memory));
        CachedDbEngine listedOnly = CachedDbEngine.of(MemoryEngine.create(clock),
                FileEngine.builder(settings).directory(directory).build());
        assertThat(both).isInstanceOf(UserSessionIndex.class).isInstanceOf(SessionListing.class);
        assertThat(neither).isNotInstanceOf(UserSessionIndex.class).isNotInstanceOf(SessionListing.class);
        assertThat(listedOnly).isNotInstanceOf(UserSessionIndex.class).isInstanceOf(SessionListing.class);
        String key = saved(both, Map.of("x", 1));
        assertThat(((SessionListing) both).find(key)).isEqualTo(memory.find(key));
        assertThat(((SessionListing) both).stats(clock.instant()).live()).isEqualTo(1);
    }

    @Test
    void revokeAllRevokesInTheDatabaseAndEvictsFromTheCache() {
        MemoryEngine cache = MemoryEngine.create(clock);
        CachedDbEngine cachedDb = CachedDbEngine.of(cache, MemoryEngine.create(clock));
        String current = saved(cachedDb, Map.of("_auth_user_id", "7"));
        String phone = saved(cachedDb, Map.of("_auth_user_id", "7"));
        String laptop = saved(cachedDb, Map.of("_auth_user_id", "7"));
        String otherUser = saved(cachedDb, Map.of("_auth_user_id", "8"));
        UserSessionIndex index = (UserSessionIndex) cachedDb;
        assertThat(index.sessionsOf("7")).hasSize(3);

        assertThat(index.revokeAll("7", current)).isEqualTo(2);

        assertThat(index.sessionsOf("7")).extracting(SessionSummary::key).containsExactly(current);
        for (String revoked : new String[] {phone, laptop}) {
            assertThat(cache.load(revoked)).isEmpty();
            assertThat(Session.open(cachedDb, settings, revoked).get("_auth_user_id")).isNull();
        }
        assertThat(Session.open(cachedDb, settings, current).get("_auth_user_id")).isEqualTo("7");
        assertThat(Session.open(cachedDb, settings, otherUser).get("_auth_user_id")).isEqualTo("8");
    }

    @Test
    void builderRefusesOneEngineTwice() {
        // signed_cookies can be neither part: the builder takes ServerSideEngine, so that cannot compile.
        MemoryEngine memory = MemoryEngine.create(clock);
        assertThatThrownBy(() -> CachedDbEngine.of(memory, memory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different engines");
        assertThatThrownBy(() -> CachedDbEngine.builder(memory, MemoryEngine.create(clock))
                .retryCacheAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retryCacheAfter");
    }

    // ------------------------------------------------------------ helpers

    /** Saves a new session holding {@code values}; a user id in them stands for a verified login. */
    private String saved(SessionEngine target, Map<String, Object> values) {
        Session session = Session.open(target, settings, null);
        session.update(values);
        if (values.get("_auth_user_id") instanceof String user) {
            session.setVerifiedUser(user);
        }
        session.save();
        return session.key();
    }

    private StoredSession stored(String key, String data) {
        return new StoredSession(key, data, clock.instant().plusSeconds(600), null);
    }

    /** An engine with neither capability, like {@code db} without its user column, hidden behind. */
    static final class NotIndexingEngine extends ForwardingEngine {

        NotIndexingEngine(MemoryEngine delegate) {
            super(delegate);
        }
    }

    /** A cache that runs a hook just before storing a refill, to stage races deterministically. */
    static final class HookedEngine extends ForwardingEngine {
        volatile Runnable beforeCreate = () -> { };

        HookedEngine(MemoryEngine delegate) {
            super(delegate);
        }

        @Override
        public boolean create(StoredSession session) {
            beforeCreate.run();
            return super.create(session);
        }
    }
}
