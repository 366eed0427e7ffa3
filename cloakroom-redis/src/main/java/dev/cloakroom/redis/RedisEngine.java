package dev.cloakroom.redis;

import dev.cloakroom.SaveResult;
import dev.cloakroom.ServerSideEngine;
import dev.cloakroom.SessionStorageException;
import dev.cloakroom.SessionSummary;
import dev.cloakroom.StoredSession;
import dev.cloakroom.UserSessionIndex;
import dev.cloakroom.internal.SecurityLog;
import dev.cloakroom.internal.SessionKeys;
import dev.cloakroom.internal.StoredKeys;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cache} engine: sessions in Redis, standalone, behind Sentinel, or on a Cluster.
 *
 * <p>Storage: one hash per session under {@code <keyPrefix><session key>} with fields {@code d} (Django's
 * encoded {@code session_data}, stored as it is), {@code e} (expiry, epoch milliseconds), {@code t} (when
 * it was last saved), {@code u} (the user id, when there is one) and {@code i} (the score of its entry in
 * the user's index, an expiry a little later than {@code e}, so that most saves need not touch the index;
 * not on a Cluster). The key's TTL is the time left until
 * {@code e}, so Redis collects expired sessions itself and {@link #clearExpired()} has nothing to do; a
 * load also compares {@code e} with the engine's clock, so a session never outlives its expiry even if
 * the TTL is late. Each user with sessions has an index, a sorted set {@code <keyPrefix>user:<user id>}
 * of session keys scored by expiry, for {@link #sessionsOf} and {@link #revokeAll}.
 *
 * <p>Commands: a load is one {@code HMGET}; a create, and a compare-and-set save, are one {@code EVALSHA}
 * each (a Lua script comparing field {@code d} with what was loaded, so concurrent requests on many
 * servers lose no update); a delete is one {@code EVALSHA} too, which also takes the session out of its
 * user's index (one {@code DEL} on a Cluster). So a request that reads its session costs one
 * command and a request that writes it two. On a Cluster the user index lives in another slot, so saving
 * a session with a user sends one more {@code EVALSHA}, pipelined with the save.
 *
 * <p>Failures: while Redis is down, every call fails at once with a {@link SessionStorageException} naming
 * the server and the operation; a Redis that does not answer fails the call after the command timeout.
 * The engine reconnects by itself. The user index is kept on save and delete, and cleaned lazily of what
 * those cannot see: members whose session expired, belongs to another user now, or was deleted on a
 * Cluster are dropped by {@link #sessionsOf} and {@link #revokeAll}, and expired members on every write to
 * the index.
 *
 * <p>With {@link Builder#hashKeys(boolean) hashKeys(true)} Redis holds a hash of each session key (40 hex
 * characters, {@link #storedKey}) instead of the key, in the hash's name and in the user indexes: every
 * method hashes the key it is given, {@link #load} returns the key it was asked with, and
 * {@link #sessionsOf} lists the hashes.
 *
 * <p>Thread-safe: one instance, holding one shared connection, serves the whole application. Close it
 * when the application stops.
 */
public final class RedisEngine implements ServerSideEngine, UserSessionIndex, AutoCloseable {

    /** The default key prefix. */
    public static final String DEFAULT_KEY_PREFIX = "cloakroom:session:";

    private static final String DATA = "d";
    private static final String EXPIRES = "e";
    private static final String SAVED_AT = "t";
    private static final String USER = "u";

    private final RedisConnection redis;
    private final String prefix;
    private final Clock clock;
    private final boolean indexInScript;
    private final boolean hashKeys;

    private RedisEngine(Builder builder, RedisTarget target, RedisConnection redis) {
        this.redis = redis;
        this.hashKeys = builder.hashKeys;
        this.prefix = builder.keyPrefix;
        this.clock = builder.clock;
        this.indexInScript = target.kind() != RedisTarget.Kind.CLUSTER;
    }

    /**
     * Returns a builder for the Redis at {@code redisUri}:
     * {@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://…} for TLS,
     * {@code redis-sentinel://host:26379[,host2:26379][/db]#master}, or several comma-separated
     * {@code redis://} URIs, the seed nodes of a Cluster. The URI is checked by {@link Builder#build()}.
     */
    public static Builder builder(String redisUri) {
        return new Builder(List.of(Objects.requireNonNull(redisUri, "redisUri")));
    }

    /**
     * Returns a builder for an engine that connects through the application's own Lettuce client, a
     * {@code RedisClient} or a {@code RedisClusterClient}, to the URI the client was created with (a
     * {@code RedisClient} needs one). The application owns the client: closing the engine closes the
     * engine's connection only, never the client or its resources. The client's options apply (reconnection,
     * what happens to commands while disconnected); the engine still fails a call after its
     * {@link Builder#commandTimeout command timeout}, and {@link Builder#connectTimeout},
     * {@link Builder#maxReconnectDelay} and {@link Builder#clientResources} are the client's business.
     */
    public static Builder builder(AbstractRedisClient client) {
        Builder builder = new Builder(List.of());
        builder.client = Objects.requireNonNull(client, "client");
        return builder;
    }

    /** Returns a builder for a Redis Cluster given by some of its nodes' {@code redis://} URIs. */
    public static Builder builder(List<String> clusterNodeUris) {
        Builder builder = new Builder(List.copyOf(clusterNodeUris));
        builder.cluster = true;
        return builder;
    }

    // ---------------------------------------------------------------- ServerSideEngine

    @Override
    public Optional<StoredSession> load(String key) {
        String what = "loading a session (…" + SessionKeys.suffix(key) + ")";
        List<KeyValue<String, String>> fields = redis.call(what,
                c -> c.hmget(sessionKey(storedKey(key)), DATA, EXPIRES, USER));
        String data = valueOf(fields, 0);
        if (data == null) {
            return Optional.empty();
        }
        Instant expiresAt = parseMillis(valueOf(fields, 1));
        if (expiresAt == null) {
            SecurityLog.suspicious("Ignoring the Redis hash of session …" + SessionKeys.suffix(key)
                    + ": its expiry field is missing or unreadable");
            return Optional.empty();
        }
        if (!expiresAt.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new StoredSession(key, data, expiresAt, valueOf(fields, 2)));
    }

    @Override
    public boolean create(StoredSession session) {
        return write("create", session, "", "creating a session (…" + SessionKeys.suffix(session.key()) + ")")
                == SessionScript.SAVED;
    }

    @Override
    public SaveResult save(@Nullable StoredSession loaded, StoredSession next) {
        String what = "saving a session (…" + SessionKeys.suffix(next.key()) + ")";
        long result = loaded == null
                ? write("overwrite", next, "", what)
                : write("replace", next, loaded.data(), what);
        if (result == SessionScript.SAVED) {
            return SaveResult.SAVED;
        }
        return result == SessionScript.CONFLICT ? SaveResult.CONFLICT : SaveResult.GONE;
    }

    private long write(String op, StoredSession session, String loadedData, String what) {
        long now = clock.millis();
        long expiresAt = session.expiresAt().toEpochMilli();
        long ttl = expiresAt - now;
        String user = Objects.requireNonNullElse(session.userId(), "");
        boolean indexed = !user.isEmpty() && ttl > 0;
        String member = storedKey(session.key());
        String[] keys = indexed && indexInScript
                ? new String[] {sessionKey(member), userKey(user)}
                : new String[] {sessionKey(member)};
        String[] args = SessionScript.args(op, member, session.data(), expiresAt, ttl, user, now,
                loadedData);
        RedisClusterAsyncCommands<String, String> commands = redis.commands(what);
        CompletionStage<Long> result = SessionScript.run(commands, keys, args);
        @Nullable CompletionStage<Long> index = indexed && !indexInScript
                ? SessionScript.run(commands, new String[] {userKey(user)},
                        SessionScript.args("index", member, "", expiresAt, ttl, "", now, ""))
                : null;
        long answer = redis.await(result, what);
        if (index != null) {
            redis.await(index, what);
        }
        return answer;
    }

    /**
     * Deletes the session: one {@code EVALSHA} that also takes it out of its user's index; on a Cluster,
     * where the index lives in another slot, one {@code DEL}, and the index drops the member lazily.
     */
    @Override
    public void delete(String key) {
        deleteHash(storedKey(key), "deleting a session (…" + SessionKeys.suffix(key) + ")");
    }

    /** Deletes the hash under {@code storedKey} as it is, also when the engine hashes keys; one command. */
    @Override
    public boolean deleteStored(String storedKey) {
        return deleteHash(storedKey, "deleting a listed session (…" + SessionKeys.suffix(storedKey) + ")");
    }

    private boolean deleteHash(String member, String what) {
        if (indexInScript) {
            return redis.await(SessionScript.run(redis.commands(what), new String[] {sessionKey(member)},
                    SessionScript.deleteArgs(member, userKeyPrefix())), what) > 0;
        }
        return redis.call(what, c -> c.del(sessionKey(member))) > 0;
    }

    @Override
    public boolean exists(String key) {
        return redis.call("checking whether a session exists (…" + SessionKeys.suffix(key) + ")",
                c -> c.exists(sessionKey(storedKey(key)))) > 0;
    }

    /**
     * Returns the hash of {@code sessionKey} ({@link StoredKeys#hash}: SHA-256 cut to 40 hex characters)
     * when the engine was built with {@code hashKeys(true)}, the key itself otherwise.
     */
    @Override
    public String storedKey(String sessionKey) {
        return hashKeys ? StoredKeys.hash(sessionKey) : sessionKey;
    }

    /** Returns 0: Redis deletes expired sessions by itself (each key's TTL). */
    @Override
    public int clearExpired() {
        return 0;
    }

    // ---------------------------------------------------------------- UserSessionIndex

    /**
     * Returns the user's unexpired sessions, soonest expiry first, with {@code lastSeen} set to when each
     * was last saved. Index members that no longer belong to the user are removed on the way. The keys are
     * stored keys: hashes when the engine hashes keys.
     */
    @Override
    public List<SessionSummary> sessionsOf(String userId) {
        String what = "listing a user's sessions";
        String index = userKey(userId);
        RedisClusterAsyncCommands<String, String> commands = redis.commands(what);
        List<String> members = redis.await(commands.zrange(index, 0, -1), what);
        List<RedisFuture<List<KeyValue<String, String>>>> reads = new ArrayList<>();
        for (String member : members) {
            reads.add(commands.hmget(sessionKey(member), EXPIRES, USER, SAVED_AT));
        }
        Instant now = clock.instant();
        List<SessionSummary> live = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            List<KeyValue<String, String>> fields = redis.await(reads.get(i), what);
            Instant expiresAt = parseMillis(valueOf(fields, 0));
            if (expiresAt != null && expiresAt.isAfter(now) && userId.equals(valueOf(fields, 1))) {
                live.add(new SessionSummary(members.get(i), expiresAt, parseMillis(valueOf(fields, 2))));
            } else {
                stale.add(members.get(i));
            }
        }
        if (!stale.isEmpty()) {
            redis.await(commands.zrem(index, stale.toArray(String[]::new)), what);
        }
        live.sort(Comparator.comparing(SessionSummary::expiresAt));
        return List.copyOf(live);
    }

    /**
     * Deletes the user's sessions but {@code exceptKey}; each is deleted only if it still belongs to the
     * user (checked by a script, atomically), so a key that changed hands is left alone. {@code exceptKey}
     * is a session key, hashed first when the engine hashes keys.
     */
    @Override
    public int revokeAll(String userId, @Nullable String exceptKey) {
        String what = "revoking a user's sessions";
        String index = userKey(userId);
        RedisClusterAsyncCommands<String, String> commands = redis.commands(what);
        List<String> members = redis.await(commands.zrange(index, 0, -1), what);
        String except = exceptKey == null ? null : storedKey(exceptKey);
        List<String> targets = members.stream().filter(m -> !m.equals(except)).toList();
        List<CompletionStage<Long>> deletions = new ArrayList<>();
        for (String member : targets) {
            deletions.add(SessionScript.run(commands, new String[] {sessionKey(member)},
                    SessionScript.args("revoke", member, "", 0, 0, userId, 0, "")));
        }
        int revoked = 0;
        for (CompletionStage<Long> deletion : deletions) {
            revoked += redis.await(deletion, what).intValue();
        }
        if (!targets.isEmpty()) {
            redis.await(commands.zrem(index, targets.toArray(String[]::new)), what);
        }
        return revoked;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Closes the engine's connection and shuts down what the engine made: its Lettuce client and, unless
     * the application gave its own, the client's resources. An application's client or resources stay as
     * they are. Calls after this fail. Idempotent.
     */
    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisEngine[" + redis.target() + ", keyPrefix=" + prefix + (hashKeys ? ", keys hashed" : "")
                + ", on " + redis.lettuceOwner() + "]";
    }

    // ---------------------------------------------------------------- helpers

    private String sessionKey(String key) {
        return prefix + key;
    }

    private String userKey(String userId) {
        return userKeyPrefix() + userId;
    }

    private String userKeyPrefix() {
        return prefix + "user:";
    }

    private static @Nullable String valueOf(List<KeyValue<String, String>> fields, int i) {
        KeyValue<String, String> field = fields.get(i);
        return field.hasValue() ? field.getValue() : null;
    }

    private static @Nullable Instant parseMillis(@Nullable String millis) {
        if (millis == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- builder

    /** Builds a {@link RedisEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private final List<String> uris;
        private boolean cluster;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Clock clock = Clock.systemUTC();
        private Duration commandTimeout = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration maxReconnectDelay = Duration.ofSeconds(1);
        private boolean hashKeys;
        private @Nullable AbstractRedisClient client;
        private @Nullable ClientResources resources;

        private Builder(List<String> uris) {
            this.uris = uris;
        }

        /**
         * Treats the URI as a seed node of a Redis Cluster; by default off, except when several URIs are
         * given, which always means a Cluster.
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Sets the prefix of every key the engine writes; by default {@value #DEFAULT_KEY_PREFIX}. Give each
         * application sharing a Redis database its own.
         *
         * @throws IllegalArgumentException if {@code prefix} is empty
         */
        public Builder keyPrefix(String prefix) {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("keyPrefix must not be empty; the default is "
                        + DEFAULT_KEY_PREFIX);
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** Sets the clock that decides expiry; by default the system clock. Use the sessions' clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long a command may take before the call fails with a {@link SessionStorageException};
         * by default 2 seconds.
         *
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive("commandTimeout", timeout);
            return this;
        }

        /**
         * Sets how long opening a connection may take; by default 2 seconds.
         *
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest pause between two reconnection attempts after Redis went away (attempts start
         * at once and back off exponentially up to this); by default 1 second.
         *
         * @throws IllegalArgumentException if {@code delay} is not positive
         */
        public Builder maxReconnectDelay(Duration delay) {
            this.maxReconnectDelay = positive("maxReconnectDelay", delay);
            return this;
        }

        /**
         * Sets whether Redis holds a hash of each session key instead of the key (in the session hash's
         * name and in the user indexes), so that a copy of Redis (an RDB or AOF file, a replica) gives no
         * live session key; by default {@code false}. The stored key is SHA-256 of the key cut to 160
         * bits, as 40 hex characters; it costs one SHA-256 per operation. Sessions stored before it was
         * turned on are not found after (and the other way round).
         */
        public Builder hashKeys(boolean hashKeys) {
            this.hashKeys = hashKeys;
            return this;
        }

        /**
         * Builds the engine's own Lettuce client on the application's {@code ClientResources} (its event
         * loops, timer and reconnection delay, shared with the application's other clients) instead of
         * resources of the engine's own. The application owns them: closing the engine shuts down the
         * engine's client but never these resources. {@link #maxReconnectDelay} then has no effect (the
         * resources' reconnection delay applies).
         */
        public Builder clientResources(ClientResources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /**
         * Builds the engine. It connects on first use, not here, so an application can start while Redis
         * is down.
         *
         * @throws IllegalArgumentException if a URI is malformed, uses an unknown scheme, names no
         *     Sentinel master, or asks a Cluster for a database other than 0
         * @throws IllegalStateException if both an application's client and {@link #clientResources} are
         *     given (the client has its resources already)
         */
        public RedisEngine build() {
            AbstractRedisClient appClient = client;
            if (appClient != null) {
                if (resources != null) {
                    throw new IllegalStateException("clientResources(...) is for an engine that builds its "
                            + "own client; this one connects through the application's client, which has "
                            + "its resources already");
                }
                RedisTarget target = RedisTarget.ofClient(appClient);
                RedisConnection through = RedisConnection.through(appClient, target, commandTimeout);
                return new RedisEngine(this, target, through);
            }
            RedisTarget target = RedisTarget.parse(uris, cluster, commandTimeout);
            return new RedisEngine(this, target, RedisConnection.ownClient(target, commandTimeout,
                    connectTimeout, maxReconnectDelay, resources));
        }

        private static Duration positive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
