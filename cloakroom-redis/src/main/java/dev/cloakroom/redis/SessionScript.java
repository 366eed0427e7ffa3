package dev.cloakroom.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one Lua script behind every write of the engine, so each write is atomic and one round trip.
 * It is run with {@code EVALSHA}; a Redis that does not know it yet (a fresh or restarted server, another
 * Cluster node) answers {@code NOSCRIPT}, and the script is then sent whole with {@code EVAL}, which also
 * caches it there.
 *
 * <p>Arguments, the same positions for every operation (unused ones are empty strings):
 * {@code ARGV = op, session key, data, expiresAt (epoch ms), ttl (ms), user id, now (epoch ms), loaded data}.
 * Times are the engine's clock, never Redis's, so expiry follows the clock sessions are stamped with.
 * {@code KEYS[1]} is the session hash (the user index for {@code index}); {@code KEYS[2]}, when given, is
 * the user's index, updated in the same script (not on a Cluster, where it lives in another slot) when the
 * user changed or the session now outlives its index entry's score (kept in the hash's field {@code i}).
 * <ul>
 *   <li>{@code create}: stores unless the key exists; returns 1, or 0 if taken.</li>
 *   <li>{@code replace}: compare-and-set on field {@code d}; returns 1 saved, 0 conflict, -1 gone.</li>
 *   <li>{@code overwrite}: as replace, without the comparison (the caller did not load).</li>
 *   <li>{@code revoke}: deletes the session if its user is the given one; returns 1 or 0.</li>
 *   <li>{@code delete}: deletes the session and, if it had a user, removes it from that user's index,
 *   whose key is {@code ARGV[9]} followed by the user id; returns 1 if there was a session. The index key
 *   can only be known inside the script, so this form is not used on a Cluster (the key would be
 *   undeclared, in another slot).</li>
 *   <li>{@code index}: adds the session to the user index KEYS[1].</li>
 * </ul>
 * A session already expired by the clock is deleted instead of stored.
 */
final class SessionScript {

    static final long SAVED = 1;
    static final long CONFLICT = 0;
    static final long GONE = -1;

    static final String SOURCE = """
            local op, member, data, expires = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
            local ttl, user, now, loaded = tonumber(ARGV[5]), ARGV[6], ARGV[7], ARGV[8]

            -- A user's index: a sorted set of session keys scored by (an upper bound of) their expiry,
            -- trimmed of expired members whenever a member is added, and kept alive as long as its
            -- highest score. A user's only session (the common first login) needs no trim and no
            -- search for the highest score: one command fewer.
            local function index(ukey, score)
                redis.call('ZADD', ukey, score, member)
                if redis.call('ZCARD', ukey) == 1 then
                    redis.call('PEXPIRE', ukey, math.max(tonumber(score) - tonumber(now), 1))
                    return
                end
                redis.call('ZREMRANGEBYSCORE', ukey, '-inf', now)
                local last = redis.call('ZRANGE', ukey, -1, -1, 'WITHSCORES')
                redis.call('PEXPIRE', ukey, math.max(tonumber(last[2]) - tonumber(now), 1))
            end

            -- owner, indexed: the stored session's user and the score its index entry has (field i), or
            -- false. The entry is scored a little beyond the expiry (ttl / 32), so the saves that follow
            -- within that margin, by the same user, leave the index alone: it only ever lists a session
            -- for somewhat longer than it lives, which every reader of the index checks anyway.
            local function write(key, owner, indexed)
                if ttl <= 0 then
                    redis.call('DEL', key)
                    return
                end
                if user == '' then
                    redis.call('HSET', key, 'd', data, 'e', expires, 't', now)
                    if owner or indexed then
                        redis.call('HDEL', key, 'u', 'i')
                    end
                elseif KEYS[2] and (owner ~= user or not indexed
                        or tonumber(indexed) < tonumber(expires)) then
                    local score = string.format('%.0f', tonumber(expires) + math.floor(ttl / 32))
                    redis.call('HSET', key, 'd', data, 'e', expires, 't', now, 'u', user, 'i', score)
                    redis.call('PEXPIRE', key, ttl)
                    index(KEYS[2], score)
                    return
                else
                    redis.call('HSET', key, 'd', data, 'e', expires, 't', now, 'u', user)
                end
                redis.call('PEXPIRE', key, ttl)
            end

            if op == 'create' then
                if redis.call('EXISTS', KEYS[1]) == 1 then
                    return 0
                end
                write(KEYS[1], false, false)
                return 1
            elseif op == 'replace' or op == 'overwrite' then
                local current = redis.call('HMGET', KEYS[1], 'd', 'u', 'i')
                if not current[1] then
                    return -1
                end
                if op == 'replace' and current[1] ~= loaded then
                    return 0
                end
                write(KEYS[1], current[2], current[3])
                return 1
            elseif op == 'revoke' then
                if redis.call('HGET', KEYS[1], 'u') == user then
                    redis.call('DEL', KEYS[1])
                    return 1
                end
                return 0
            elseif op == 'delete' then
                local owner = redis.call('HGET', KEYS[1], 'u')
                local deleted = redis.call('DEL', KEYS[1])
                if owner then
                    redis.call('ZREM', ARGV[9] .. owner, member)
                end
                return deleted
            elseif op == 'index' then
                index(KEYS[1], expires)
                return 1
            end
            return redis.error_reply('cloakroom session script: unknown operation ' .. tostring(op))
            """;

    static final String SHA1 = sha1(SOURCE);

    private SessionScript() {
    }

    /** Runs the script with EVALSHA, falling back to EVAL when the server does not have it cached. */
    static CompletionStage<Long> run(RedisClusterAsyncCommands<String, String> redis, String[] keys,
            String... args) {
        CompletionStage<Long> first = redis.evalsha(SHA1, ScriptOutputType.INTEGER, keys, args);
        return first.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RedisNoScriptException) {
                return redis.eval(SOURCE, ScriptOutputType.INTEGER, keys, args);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** The arguments in the script's order. */
    static String[] args(String op, String member, String data, long expiresAt, long ttl, String user,
            long now, String loaded) {
        return new String[] {op, member, data, Long.toString(expiresAt), Long.toString(ttl), user,
            Long.toString(now), loaded};
    }

    /** The arguments of {@code delete}: the session key and the prefix of user index keys. */
    static String[] deleteArgs(String member, String userIndexPrefix) {
        return new String[] {"delete", member, "", "0", "0", "", "0", "", userIndexPrefix};
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
