package dev.cloakroom.bench.load;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One way of keeping sessions, mounted at {@code /<path>/} of the bench app. */
public enum Variant {
    /** No session machinery at all: the floor for {@code /none}. */
    BASELINE("baseline", "no session (baseline)", Store.NONE, "", EnumSet.of(Endpoint.NONE)),
    /** Cloakroom's {@code cache} engine on Redis behind its servlet filter. */
    CLOAKROOM_REDIS("cloakroom-redis", "Cloakroom cache (Redis)", Store.REDIS, "sessionid",
            EnumSet.allOf(Endpoint.class)),
    /** Spring Session's {@code RedisSessionRepository} behind {@code SessionRepositoryFilter}. */
    SPRING_REDIS("spring-redis", "Spring Session Redis", Store.REDIS, "SESSION",
            EnumSet.allOf(Endpoint.class)),
    /** The minimal Redis commands by hand: the floor for Redis. */
    RAW_REDIS("raw-redis", "raw Redis", Store.REDIS, "rawid",
            EnumSet.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN)),
    /** Cloakroom's {@code db} engine on PostgreSQL behind its servlet filter. */
    CLOAKROOM_DB("cloakroom-db", "Cloakroom db (PostgreSQL)", Store.POSTGRES, "sessionid",
            EnumSet.allOf(Endpoint.class)),
    /** Spring Session's {@code JdbcIndexedSessionRepository} behind {@code SessionRepositoryFilter}. */
    SPRING_JDBC("spring-jdbc", "Spring Session JDBC", Store.POSTGRES, "SESSION",
            EnumSet.allOf(Endpoint.class)),
    /** The minimal SQL statements by hand: the floor for PostgreSQL. */
    RAW_SQL("raw-sql", "raw SQL", Store.POSTGRES, "rawid", EnumSet.of(Endpoint.READ, Endpoint.INCR,
            Endpoint.LOGIN));

    /** Where a variant keeps its sessions. */
    public enum Store { NONE, REDIS, POSTGRES }

    private final String path;
    private final String label;
    private final Store store;
    private final String cookieName;
    private final Set<Endpoint> endpoints;

    Variant(String path, String label, Store store, String cookieName, Set<Endpoint> endpoints) {
        this.path = path;
        this.label = label;
        this.store = store;
        this.cookieName = cookieName;
        this.endpoints = endpoints;
    }

    /** The context path segment, e.g. {@code spring-redis}. */
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

    /** The Spring Session variant on the same store, or {@code null} for none and Spring's own. */
    public @Nullable Variant springRival() {
        return switch (this) {
            case CLOAKROOM_REDIS, RAW_REDIS -> SPRING_REDIS;
            case CLOAKROOM_DB, RAW_SQL -> SPRING_JDBC;
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
