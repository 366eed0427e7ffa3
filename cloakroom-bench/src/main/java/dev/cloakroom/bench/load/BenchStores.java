package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.CountingDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionSettings;
import dev.cloakroom.micrometer.CloakroomMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.cloakroom.bench.micro.BenchKeys;
import dev.cloakroom.jdbc.JdbcEngine;
import dev.cloakroom.redis.RedisEngine;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the bench app's variants store sessions in, opened once: for Redis, the Cloakroom engine and a
 * plain Lettuce connection for the raw variant; for PostgreSQL, one HikariCP pool per variant with the same
 * settings (10 connections, HikariCP's and the driver's defaults, as Spring Boot's pool), each wrapped in a
 * {@link CountingDataSource}. The Spring Boot variants open their own, in their own processes
 * ({@link SpringBootApps}). Key prefixes and tables are the bench's own, so {@link #reset()}
 * never touches anything else on a shared server.
 */
public final class BenchStores implements AutoCloseable {

    static final String CLOAKROOM_PREFIX = "bench:cloakroom:";
    static final String RAW_PREFIX = "bench:raw:";
    static final String SPRING_PREFIX = "spring:session:";
    static final int POOL_SIZE = 10;

    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

    private final String redisUri;
    private final String jdbcUrl;
    private final SessionSettings settings = BenchKeys.settings();
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> rawRedis;
    private final StatefulRedisConnection<String, String> adminRedis;
    private final RedisEngine cloakroomRedis;
    private final SessionSettings expirySettings = settings.toBuilder().idleTimeout(Duration.ofMinutes(30))
            .absoluteTimeout(Duration.ofHours(8)).touchAfter(Duration.ofSeconds(60)).build();
    private final CloakroomMetrics metrics = new CloakroomMetrics();
    private final ServerSideEngine meteredRedis;
    private final SessionSettings meteredSettings = settings.toBuilder().listener(metrics).build();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final CountingDataSource cloakroomDb;
    private final CountingDataSource rawDb;
    private final JdbcEngine cloakroomDbEngine;

    /**
     * Connects to Redis at {@code redisUri} and PostgreSQL at {@code jdbcUrl}, creating the database named in
     * the URL if it is missing, and every variant's tables.
     */
    public BenchStores(String redisUri, String jdbcUrl) throws SQLException, IOException {
        this.redisUri = redisUri;
        this.jdbcUrl = jdbcUrl;
        RedisURI uri = RedisURI.create(redisUri);
        redisClient = RedisClient.create(uri);
        rawRedis = redisClient.connect();
        adminRedis = redisClient.connect();
        cloakroomRedis = RedisEngine.builder(redisUri).keyPrefix(CLOAKROOM_PREFIX).clock(settings.clock())
                .build();
        // as an application does: the engine instrumented, the metrics listening and bound to a registry
        metrics.bindTo(new SimpleMeterRegistry());
        meteredRedis = metrics.instrument(cloakroomRedis, "cache");

        createDatabaseIfMissing(jdbcUrl);
        // HikariCP names its threads after the pool: "HikariPool-" tells the profile they serve requests
        cloakroomDb = new CountingDataSource(pool("HikariPool-cloakroom"));
        rawDb = new CountingDataSource(pool("HikariPool-raw"));
        cloakroomDbEngine = JdbcEngine.builder(cloakroomDb).clock(settings.clock()).build();
        try (Connection c = rawDb.target().getConnection(); Statement s = c.createStatement()) {
            s.execute(RawSqlServlet.DDL);
        }
    }

    private HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(name);
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Creates the PostgreSQL database {@code jdbcUrl} names, connecting to {@code postgres} on the same
     * server, unless it exists.
     *
     * @throws IllegalArgumentException if the URL is not {@code jdbc:postgresql://host[:port]/database[?...]}
     *     with a plain lower-case database name
     */
    public static void createDatabaseIfMissing(String jdbcUrl) throws SQLException {
        Matcher m = DATABASE_IN_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://host[:port]/database[?...], got "
                    + jdbcUrl);
        }
        String database = m.group(2);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Use a plain lower-case database name, not " + database);
        }
        try (Connection c = DriverManager.getConnection(m.group(1) + "postgres" + m.group(3));
                Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database
                    + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + database);
        }
    }

    /** Deletes every session the variants stored: the bench's Redis keys and the rows of its tables. */
    public void reset() throws SQLException {
        RedisCommands<String, String> redis = adminRedis.sync();
        for (String pattern : List.of(CLOAKROOM_PREFIX + "*", RAW_PREFIX + "*", SPRING_PREFIX + "*")) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern)
                        .limit(1000));
                if (!page.getKeys().isEmpty()) {
                    redis.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
        try (Connection c = rawDb.target().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + RawSqlServlet.TABLE + ", django_session");
            for (SpringBootApp boot : SpringBootApp.values()) {
                // the Spring Boot apps' tables, once they have created them
                try (ResultSet rows = s.executeQuery("SELECT 1 FROM pg_tables WHERE schemaname = '"
                        + boot.schema() + "' AND tablename = 'spring_session'")) {
                    if (!rows.next()) {
                        continue;
                    }
                }
                s.execute("TRUNCATE " + boot.schema() + ".spring_session, " + boot.schema()
                        + ".spring_session_attributes");
            }
        }
    }

    /** A connection for {@code INFO} and {@code MONITOR}-free administration. */
    public RedisCommands<String, String> adminRedis() {
        return adminRedis.sync();
    }

    public String redisUri() {
        return redisUri;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public SessionSettings settings() {
        return settings;
    }

    StatefulRedisConnection<String, String> rawRedis() {
        return rawRedis;
    }

    RedisEngine cloakroomRedis() {
        return cloakroomRedis;
    }

    /** The settings with idle timeout 30 min, absolute lifetime 8 h and touches at most once a minute. */
    SessionSettings expirySettings() {
        return expirySettings;
    }

    /** {@link #cloakroomRedis()} instrumented by {@code CloakroomMetrics}. */
    ServerSideEngine meteredRedis() {
        return meteredRedis;
    }

    /** The settings with {@code CloakroomMetrics} as a listener. */
    SessionSettings meteredSettings() {
        return meteredSettings;
    }

    JdbcEngine cloakroomDbEngine() {
        return cloakroomDbEngine;
    }

    /**
     * Cloakroom's db engine on the same pool, but cleaning up in batches of {@code batchSize} rows with
     * {@code pause} between them.
     */
    JdbcEngine cloakroomDbEngine(int batchSize, Duration pause) {
        return JdbcEngine.builder(cloakroomDb).clock(settings.clock()).createSchema(false)
                .clearExpiredBatchSize(batchSize).clearExpiredPause(pause).build();
    }

    /** The counting data source of a PostgreSQL variant. */
    public CountingDataSource dataSource(Variant variant) {
        return switch (variant) {
            case CLOAKROOM_DB -> cloakroomDb;
            case RAW_SQL -> rawDb;
            default -> throw new IllegalArgumentException(variant + " does not use PostgreSQL");
        };
    }

    @Override
    public void close() {
        cloakroomRedis.close();
        rawRedis.close();
        adminRedis.close();
        redisClient.shutdown();
        pools.forEach(HikariDataSource::close);
    }
}
