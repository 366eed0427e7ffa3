package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One way of keeping sessions, mounted at {@code /<path>/}: of the Cloakroom bench app ({@link BenchApp}),
 * or of a Spring Boot app the harness starts as its own process ({@link #springBoot()}).
 */
public enum Variant {
    /** No session machinery at all: the floor for {@code /none}. */
    BASELINE("baseline", "no session (baseline)", Store.NONE, "", EnumSet.of(Endpoint.NONE), null, ""),
    /** Cloakroom's {@code cache} engine on Redis behind its servlet filter. */
    CLOAKROOM_REDIS("cloakroom-redis", "Cloakroom cache (Redis)", Store.REDIS, "sessionid",
            EnumSet.allOf(Endpoint.class), null, ""),
    /** Spring Boot 4.0's default Spring Session Redis repository ({@code RedisSessionRepository}). */
    BOOT40_REDIS("boot40-redis", "Spring Session 4.0 Redis", Store.REDIS, "SESSION",
            EnumSet.allOf(Endpoint.class), SpringBootApp.BOOT_4_0, "redis"),
    /** Spring Boot 4.0's indexed Redis repository ({@code RedisIndexedSessionRepository}). */
    BOOT40_REDIS_INDEXED("boot40-redis-indexed", "Spring Session 4.0 Redis indexed", Store.REDIS, "SESSION",
            EnumSet.allOf(Endpoint.class), SpringBootApp.BOOT_4_0, "redis-indexed"),
    /** Spring Boot 3.5's default Spring Session Redis repository. */
    BOOT35_REDIS("boot35-redis", "Spring Session 3.5 Redis", Store.REDIS, "SESSION",
            EnumSet.allOf(Endpoint.class), SpringBootApp.BOOT_3_5, "redis"),
    /** Spring Boot 3.5's indexed Redis repository. */
    BOOT35_REDIS_INDEXED("boot35-redis-indexed", "Spring Session 3.5 Redis indexed", Store.REDIS, "SESSION",
            EnumSet.allOf(Endpoint.class), SpringBootApp.BOOT_3_5, "redis-indexed"),
    /** The minimal Redis commands by hand: the floor for Redis. */
    RAW_REDIS("raw-redis", "raw Redis", Store.REDIS, "rawid",
            EnumSet.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN), null, ""),
    /** Cloakroom's {@code db} engine on PostgreSQL behind its servlet filter. */
    CLOAKROOM_DB("cloakroom-db", "Cloakroom db (PostgreSQL)", Store.POSTGRES, "sessionid",
            EnumSet.allOf(Endpoint.class), null, ""),
    /** Spring Boot 4.0's Spring Session JDBC ({@code JdbcIndexedSessionRepository}, cleanup job running). */
    BOOT40_JDBC("boot40-jdbc", "Spring Session 4.0 JDBC", Store.POSTGRES, "SESSION",
            EnumSet.allOf(Endpoint.class), SpringBootApp.BOOT_4_0, "jdbc"),
    /** Spring Boot 3.5's Spring Session JDBC. */
    BOOT35_JDBC("boot35-jdbc", "Spring Session 3.5 JDBC", Store.POSTGRES, "SESSION",
            EnumSet.allOf(Endpoint.class), SpringBootApp.BOOT_3_5, "jdbc"),
    /** The minimal SQL statements by hand: the floor for PostgreSQL. */
    RAW_SQL("raw-sql", "raw SQL", Store.POSTGRES, "rawid", EnumSet.of(Endpoint.READ, Endpoint.INCR,
            Endpoint.LOGIN), null, ""),
    /**
     * {@link #CLOAKROOM_REDIS} with idle and absolute expiry: idle timeout 30 minutes, absolute lifetime 8
     * hours, touches at most once a minute. Only in the feature-cost run ({@link #featureRun()}).
     */
    CLOAKROOM_REDIS_EXPIRY("cloakroom-redis-expiry", "Cloakroom cache (Redis), idle + absolute expiry",
            Store.REDIS, "sessionid", EnumSet.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN), null, ""),
    /**
     * {@link #CLOAKROOM_REDIS} with {@code CloakroomMetrics}: the engine instrumented and the metrics
     * listening, bound to a {@code SimpleMeterRegistry}. Only in the feature-cost run.
     */
    CLOAKROOM_REDIS_METRICS("cloakroom-redis-metrics", "Cloakroom cache (Redis), Micrometer metrics",
            Store.REDIS, "sessionid", EnumSet.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN), null, "");

    /** The variants of the feature-cost run: Cloakroom on Redis without and with each feature. */
    private static final List<Variant> FEATURE_RUN = List.of(CLOAKROOM_REDIS, CLOAKROOM_REDIS_EXPIRY,
            CLOAKROOM_REDIS_METRICS);

    /** The variants of the default load run: all but the feature-cost ones, in declaration order. */
    private static final List<Variant> DEFAULT_RUN = java.util.Arrays.stream(values())
            .filter(v -> v != CLOAKROOM_REDIS_EXPIRY && v != CLOAKROOM_REDIS_METRICS).toList();

    /** The variants {@code scripts/bench} compares by default. */
    public static List<Variant> defaultRun() {
        return DEFAULT_RUN;
    }

    /**
     * The variants of {@code scripts/bench --features}: {@link #CLOAKROOM_REDIS} and the same engine with
     * expiry ({@link #CLOAKROOM_REDIS_EXPIRY}) or metrics ({@link #CLOAKROOM_REDIS_METRICS}).
     */
    public static List<Variant> featureRun() {
        return FEATURE_RUN;
    }

    /** Where a variant keeps its sessions. */
    public enum Store { NONE, REDIS, POSTGRES }

    private final String path;
    private final String label;
    private final Store store;
    private final String cookieName;
    private final Set<Endpoint> endpoints;
    private final @Nullable SpringBootApp springBoot;
    private final String profile;

    Variant(String path, String label, Store store, String cookieName, Set<Endpoint> endpoints,
            @Nullable SpringBootApp springBoot, String profile) {
        this.path = path;
        this.label = label;
        this.store = store;
        this.cookieName = cookieName;
        this.endpoints = endpoints;
        this.springBoot = springBoot;
        this.profile = profile;
    }

    /** The context path segment, e.g. {@code boot40-redis}. */
    public String path() {
        return path;
    }

    /** A label for tables and the chart. */
    public String label() {
        return label;
    }

    /** Where it keeps sessions. */
    public Store store() {
        return store;
    }

    /** The session cookie's name; empty for the baseline. */
    public String cookieName() {
        return cookieName;
    }

    /** The endpoints this variant serves (the raw variants have no {@code none}: it is the baseline's). */
    public Set<Endpoint> endpoints() {
        return endpoints;
    }

    /** The Spring Boot app that serves this variant, or {@code null} for the Cloakroom bench app's own. */
    public @Nullable SpringBootApp springBoot() {
        return springBoot;
    }

    /** The Spring profile that picks this variant's session store in its Spring Boot app. */
    String profile() {
        return profile;
    }

    /**
     * The Spring Session variant on the same store to compare with (Boot 4.0's, the default Redis
     * repository for Redis), or {@code null} for none and Spring's own.
     */
    public @Nullable Variant springRival() {
        return switch (this) {
            case CLOAKROOM_REDIS, RAW_REDIS -> BOOT40_REDIS;
            case CLOAKROOM_DB, RAW_SQL -> BOOT40_JDBC;
            default -> null;
        };
    }

    /** The raw variant on the same store (the baseline for {@code none}), or {@code null}. */
    public @Nullable Variant rawFloor(Endpoint endpoint) {
        if (endpoint == Endpoint.NONE) {
            return this == BASELINE ? null : BASELINE;
        }
        return switch (store) {
            case REDIS -> this == RAW_REDIS ? null : RAW_REDIS;
            case POSTGRES -> this == RAW_SQL ? null : RAW_SQL;
            default -> null;
        };
    }
}
