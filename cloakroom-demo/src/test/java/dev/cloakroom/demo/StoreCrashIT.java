package dev.cloakroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.Session;
import dev.cloakroom.SessionEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.engine.CachedDbEngine;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.testservers.PrivatePostgres;
import dev.cloakroom.testservers.TestDatabases;
import dev.cloakroom.testservers.TestRedis;
import dev.cloakroom.testservers.PrivateRedis;
import dev.cloakroom.redis.RedisEngine;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo on a PostgreSQL and a Redis of this test's own, with eight browsers counting, each on its own
 * session, while the store is killed ({@code SIGKILL}) mid-run and restarted a few seconds later:
 * <ul>
 *   <li>every acknowledged count is stored (a count is never answered below one acknowledged before, and
 *       the store holds at least the last one acknowledged);</li>
 *   <li>every error is the documented one: 503 with {@code Retry-After}, JSON naming no host, port, table,
 *       session key or Java class; no connection is dropped;</li>
 *   <li>the same running app serves again within 5 s of the store's return;</li>
 *   <li>{@code cached_db} with its Redis killed fails no request at all.</li>
 * </ul>
 * Redis keeps its data in an append-only file synced on every write, as a Redis holding sessions must.
 * The figures are printed. About 40 s in all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreCrashIT {

    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private final SessionSettings settings =
            SessionSettings.builder().secretKey("store-crash-secret").build();
    private PrivatePostgres postgres;
    private PrivateRedis redis;

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** What a run did, as printed. */
    private record Figures(String name, long requests, long acknowledged, long stored, Object errors,
            long recoveryMillis, long slowestErrorMillis) {
        @Override
        public String toString() {
            return String.format("[store crash] %s: %d requests, %d acknowledged, %d stored, "
                    + "errors by status %s (0 = connection failure), "
                    + "recovery %s after the store was back, slowest error %d ms",
                    name, requests, acknowledged, stored, errors,
                    recoveryMillis == Long.MAX_VALUE ? "never" : recoveryMillis + " ms", slowestErrorMillis);
        }
    }

    @BeforeAll
    void startServers() throws Exception {
        postgres = PrivatePostgres.launch();
        redis = PrivateRedis.launch("--appendonly", "yes", "--appendfsync", "always");
    }

    @AfterAll
    void stopServers() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private JdbcEngine postgresEngine() {
        return JdbcEngine.builder(postgres.jdbcUrl()).table(TestDatabases.uniqueTableName())
                .connectionTimeout(CONNECTION_TIMEOUT).build();
    }

    private RedisEngine redisEngine() {
        return RedisEngine.builder(redis.url()).keyPrefix(TestRedis.uniquePrefix(StoreCrashIT.class)).build();
    }

    @Test
    void postgresKilledMidRun() throws Exception {
        try (JdbcEngine engine = postgresEngine()) {
            Figures figures = run("db on PostgreSQL, PostgreSQL killed", engine, engine, postgres::kill,
                    postgres::start, CounterClients.containsAny("127.0.0.1", String.valueOf(postgres.port()),
                            "django_session", "cloakroom_test_", "postgres", "jdbc", "exception", "java.",
                            "dev.cloakroom", "hikari"));
            assertThat(figures.recoveryMillis()).as("recovery")
                    .isLessThanOrEqualTo(RECOVERY_LIMIT.toMillis());
            assertThat(figures.slowestErrorMillis()).as("one connection timeout per failed request at most")
                    .isLessThan(CONNECTION_TIMEOUT.multipliedBy(2).toMillis());
        }
    }

    @Test
    void redisKilledMidRun() throws Exception {
        try (RedisEngine engine = redisEngine()) {
            Figures figures = run("cache on Redis, Redis killed", engine, engine, redis::stop, redis::start,
                    CounterClients.containsAny("127.0.0.1", String.valueOf(redis.port()), "crash-", "redis",
                            "lettuce", "exception", "java.", "dev.cloakroom"));
            assertThat(figures.recoveryMillis()).as("recovery")
                    .isLessThanOrEqualTo(RECOVERY_LIMIT.toMillis());
        }
    }

    @Test
    void cachedDbWithRedisKilledFailsNoRequest() throws Exception {
        try (JdbcEngine database = postgresEngine(); RedisEngine cache = redisEngine()) {
            SessionEngine cachedDb = CachedDbEngine.of(cache, database);
            Figures figures = run("cached_db (Redis before PostgreSQL), Redis killed", cachedDb, database,
                    redis::stop, redis::start, body -> true);
            assertThat(figures.errors()).as("failed requests").isEqualTo(java.util.Map.of());
            assertThat(figures.recoveryMillis()).isLessThanOrEqualTo(RECOVERY_LIMIT.toMillis());
        }
    }

    /**
     * Serves the demo on {@code engine}, counts with {@link #CLIENTS} browsers, kills the store after the
     * warm-up and restarts it after {@link #OUTAGE}, then checks and prints what happened; {@code authority}
     * is where the stored counts are read afterwards.
     */
    private Figures run(String name, SessionEngine engine, SessionEngine authority, Step kill, Step restart,
            Predicate<String> internals) throws Exception {
        CounterClients clients;
        try (DemoServer demo = DemoServer.start(engine, name, settings, 0)) {
            clients = new CounterClients(demo.uri(), CLIENTS, internals);
            clients.start();
            boolean down = false;
            try {
                Thread.sleep(WARM_UP.toMillis());
                kill.run();
                down = true;
                Thread.sleep(OUTAGE.toMillis());
                restart.run();
                down = false;
                clients.storeBack();
                clients.awaitRecovery(RECOVERY_LIMIT.plusSeconds(5));
                Thread.sleep(1000);
            } finally {
                clients.stop();
                if (down) {
                    restart.run();
                }
            }
            long stored = 0;
            for (CounterClients.Client client : clients.clients()) {
                assertThat(client.key).as("every client got a session").isNotNull();
                Long count = Session.open(authority, settings, client.key).get("count", Long.class);
                assertThat(count).as("stored count of session …%s", client.key.substring(26)).isNotNull()
                        .isGreaterThanOrEqualTo(client.lastCount);
                if (authority != engine) {
                    Long served = Session.open(engine, settings, client.key).get("count", Long.class);
                    assertThat(served).as("count served through %s", name).isEqualTo(count);
                }
                stored += count;
            }
            Figures figures = new Figures(name, clients.requests(), clients.acknowledged(), stored,
                    clients.errors(), clients.recoveryMillis(), clients.slowestErrorMillis());
            System.out.println(figures);
            List<String> undocumented = clients.undocumented();
            assertThat(undocumented)
                    .as("errors that are not 503 + Retry-After without internals, lost counts").isEmpty();
            assertThat(stored).as("stored >= acknowledged").isGreaterThanOrEqualTo(clients.acknowledged());
            assertThat(clients.acknowledged()).as("acknowledged").isPositive();
            return figures;
        }
    }
}
