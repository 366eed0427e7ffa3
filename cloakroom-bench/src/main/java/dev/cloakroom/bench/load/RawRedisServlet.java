package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.endpoints.EndpointServlet;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The floor on Redis: read is one {@code GET}; increment is {@code GET} and {@code SET ... KEEPTTL}; login
 * is one {@code SET ... NX PX}. One shared Lettuce connection, as the Cloakroom engine and Spring Data
 * Redis use.
 */
final class RawRedisServlet extends EndpointServlet {

    private static final long serialVersionUID = 1L;

    private final transient RedisCommands<String, String> redis;
    private final String prefix;

    RawRedisServlet(StatefulRedisConnection<String, String> connection, String prefix) {
        this.redis = connection.sync();
        this.prefix = prefix;
    }

    @Override
    protected String read(HttpServletRequest request, HttpServletResponse response) {
        String key = cookie(request, RawSessions.COOKIE);
        return RawSessions.user(RawSessions.usable(key) ? redis.get(prefix + key) : null);
    }

    @Override
    protected String incr(HttpServletRequest request, HttpServletResponse response) {
        String key = cookie(request, RawSessions.COOKIE);
        String value = RawSessions.usable(key) ? redis.get(prefix + key) : null;
        if (value == null) {
            return "no session";
        }
        int next = RawSessions.count(value) + 1;
        redis.set(prefix + key, RawSessions.value(RawSessions.user(value), next), SetArgs.Builder.keepttl());
        return String.valueOf(next);
    }

    @Override
    protected String login(HttpServletRequest request, HttpServletResponse response, String userId) {
        String key = RawSessions.newKey();
        redis.set(prefix + key, RawSessions.value(userId, 0),
                SetArgs.Builder.nx().px(RawSessions.AGE.toMillis()));
        RawSessions.setCookie(response, key);
        return "logged in";
    }
}
