package dev.cloakroom.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.contrib.auth.Auth;
import dev.cloakroom.contrib.auth.AuthUser;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.engine.MemoryEngine;
import dev.cloakroom.redis.Monitor.Command;
import dev.cloakroom.testkit.CountingEngine;
import dev.cloakroom.testkit.MutableClock;
import dev.cloakroom.testservers.PrivateRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis commands one request runs, in each case the README lists, recorded with {@code MONITOR} on a
 * Redis of this test's own. Client commands are what cross the network (one round trip each); the
 * commands in parentheses run inside the Lua script, on the server. Writes the table to
 * {@code target/redis-command-counts.txt}.
 */
class RedisCommandCountIT {

    private static final Path REPORT = Path.of("target", "redis-command-counts.txt");
    private static PrivateRedis redis;
    private static Monitor monitor;

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    private final SessionSettings settings = SessionSettings.builder().secretKey("count").clock(clock)
            .build();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = PrivateRedis.launch();
        monitor = new Monitor(redis.port());
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "Redis commands per request (MONITOR; (x) = run inside the Lua script)\n");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        monitor.close();
        redis.close();
    }

    @Test
    void cacheEngineRunsNoneOneOrTwoCommandsPerRequest() throws Exception {
        try (RedisEngine engine = RedisEngine.builder(redis.url()).clock(clock).build()) {
            String key = saved(engine, "count", 0); // connects and loads the script, before recording

            List<Command> untouched = record("cache: no session access", () -> {
                Session session = Session.open(engine, settings, key);
                session.isEmpty();
                session.isModified();
            });
            List<Command> readOnly = record("cache: read-only",
                    () -> Session.open(engine, settings, key).get("count"));
            List<Command> write = record("cache: write", () -> compute(engine, key));
            List<Command> created = record("cache: new session", () -> saved(engine, "fresh", 1));
            String loggedIn = saved(engine, "_auth_user_id", "42");
            List<Command> userWrite = record("cache: write, logged in", () -> compute(engine, loggedIn));

            assertThat(clientCommands(untouched)).isEmpty();
            assertThat(clientCommands(readOnly)).containsExactly("HMGET");
            assertThat(clientCommands(write)).containsExactly("HMGET", "EVALSHA");
            assertThat(clientCommands(created)).containsExactly("EVALSHA");
            assertThat(clientCommands(userWrite)).containsExactly("HMGET", "EVALSHA");
            assertThat(scriptCommands(write)).containsExactly("HMGET", "HSET", "PEXPIRE");
            assertThat(scriptCommands(created)).containsExactly("EXISTS", "HSET", "PEXPIRE");
            // The user's index was written when the session was created; saves within its margin skip it.
            assertThat(scriptCommands(userWrite)).containsExactly("HMGET", "HSET", "PEXPIRE");

            String first = "cache: login, no cookie sent, the user's first session";
            List<Command> firstLogin = record(first, () -> {
                Session session = Session.open(engine, settings, null);
                Auth.login(session, AuthUser.of("43", "pbkdf2_sha256$1$salt$hash"));
                session.save();
            });
            assertThat(clientCommands(firstLogin)).containsExactly("EVALSHA");
            assertThat(scriptCommands(firstLogin)).as("the user's only session: no trim, no search")
                    .containsExactly("EXISTS", "HSET", "PEXPIRE", "ZADD", "ZCARD", "PEXPIRE");

            List<Command> login = record("cache: login, no cookie sent, the user's second session", () -> {
                Session session = Session.open(engine, settings, null);
                Auth.login(session, AuthUser.of("42", "pbkdf2_sha256$1$salt$hash"));
                session.save();
            });
            assertThat(clientCommands(login)).containsExactly("EVALSHA");
            assertThat(scriptCommands(login)).containsExactly("EXISTS", "HSET", "PEXPIRE", "ZADD", "ZCARD",
                    "ZREMRANGEBYSCORE", "ZRANGE", "PEXPIRE");

            clock.advance(settings.cookieAge().dividedBy(16));
            List<Command> later = record("cache: write, logged in, past the index margin",
                    () -> compute(engine, loggedIn));
            assertThat(clientCommands(later)).containsExactly("HMGET", "EVALSHA");
            assertThat(scriptCommands(later)).containsExactly("HMGET", "HSET", "PEXPIRE", "ZADD", "ZCARD",
                    "ZREMRANGEBYSCORE", "ZRANGE", "PEXPIRE");

            List<Command> logout = record("cache: logout (flush after a read)", () -> {
                Session session = Session.open(engine, settings, loggedIn);
                session.get("_auth_user_id");
                session.flush();
            });
            assertThat(clientCommands(logout)).containsExactly("HMGET", "EVALSHA");
            assertThat(scriptCommands(logout)).containsExactly("HGET", "DEL", "ZREM");

            List<Command> anonymousAgain = record("cache: write, a user id stored without a login", () -> {
                Session session = Session.open(engine, settings, key);
                session.put("_auth_user_id", "42");
                session.save();
            });
            assertThat(scriptCommands(anonymousAgain)).as("never filed: nothing to take out")
                    .containsExactly("HMGET", "HSET", "PEXPIRE");
        }
    }

    @Test
    void cachedDbReadsTheDatabaseOnlyOnACacheMiss() throws Exception {
        try (RedisEngine cache = RedisEngine.builder(redis.url()).keyPrefix("cached-db:").clock(clock)
                .build()) {
            CountingEngine db = CountingEngine.wrap(MemoryEngine.create(clock));
            SessionEngine cachedDb = CachedDbEngine.builder(cache, db).clock(clock).build();
            String key = saved(cachedDb, "count", 0);

            List<Command> readOnly = recordWithDb("cached_db: read-only (cache hit)", db, 0, 0,
                    () -> Session.open(cachedDb, settings, key).get("count"));
            List<Command> write = recordWithDb("cached_db: write", db, 0, 1, () -> compute(cachedDb, key));
            List<Command> created = recordWithDb("cached_db: new session", db, 0, 1,
                    () -> saved(cachedDb, "a", 1));
            cache.delete(key);
            // A miss reads the database, refills the cache, then reads the database once more: had a save
            // landed in between, the refill would be stale and is evicted (see CachedDbEngine).
            List<Command> miss = recordWithDb("cached_db: read-only (cache miss)", db, 2, 0,
                    () -> Session.open(cachedDb, settings, key).get("count"));

            assertThat(clientCommands(readOnly)).containsExactly("HMGET");
            assertThat(clientCommands(write)).containsExactly("HMGET", "EVALSHA");
            assertThat(clientCommands(created)).containsExactly("EVALSHA");
            assertThat(clientCommands(miss)).containsExactly("HMGET", "EVALSHA");
        }
    }

    private List<Command> record(String label, Runnable request) throws Exception {
        List<Command> commands = monitor.record(request);
        append(label + ": " + commands.stream().filter(c -> !c.fromScript()).count() + " commands "
                + commands);
        return commands;
    }

    /** Records one request's Redis commands, and checks its database reads and writes. */
    private List<Command> recordWithDb(String label, CountingEngine db, int reads, int writes,
            Runnable request) throws Exception {
        db.reads.set(0);
        db.writes.set(0);
        List<Command> commands = monitor.record(request);
        append(label + ": " + commands.stream().filter(c -> !c.fromScript()).count() + " Redis commands "
                + commands + "; database: " + db.reads.get() + " reads, " + db.writes.get() + " writes");
        assertThat(db.reads).as("database reads of %s", label).hasValue(reads);
        assertThat(db.writes).as("database writes of %s", label).hasValue(writes);
        return commands;
    }

    private static void append(String line) throws IOException {
        System.out.println(line);
        Files.writeString(REPORT, line + "\n", StandardOpenOption.APPEND);
    }

    private static List<String> clientCommands(List<Command> commands) {
        return commands.stream().filter(c -> !c.fromScript()).map(Command::name).toList();
    }

    private static List<String> scriptCommands(List<Command> commands) {
        return commands.stream().filter(Command::fromScript).map(Command::name).toList();
    }

    private void compute(SessionEngine engine, String key) {
        Session session = Session.open(engine, settings, key);
        session.compute("count", Integer.class, n -> n == null ? 1 : n + 1);
        session.save();
    }

    /** Saves a new session holding one value; a user id stands for a verified login. */
    private String saved(SessionEngine engine, String name, Object value) {
        Session session = Session.open(engine, settings, null);
        session.put(name, value);
        if (name.equals("_auth_user_id")) {
            session.setVerifiedUser(value.toString());
        }
        session.save();
        return session.key();
    }

}
