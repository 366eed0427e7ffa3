package dev.cloakroom.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where an engine's Redis is, parsed from Redis URIs: one server, a Sentinel-watched master, or the seed
 * nodes of a Cluster. Also the name messages use for it, which never contains a password.
 */
final class RedisTarget {

    enum Kind { STANDALONE, SENTINEL, CLUSTER }

    /** Splits "redis://a:7000,redis://b:7001" into two URIs; a Sentinel URI's host list is left whole. */
    private static final Pattern URI_SEPARATOR = Pattern.compile(",(?=\\s*rediss?://)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");
    private static final List<String> SCHEMES =
            List.of("redis", "rediss", "redis-sentinel", "rediss-sentinel", "redis-socket");
    private static final String FORMS = "Use redis://[[user]:password@]host[:port][/database], rediss://… "
            + "for TLS, redis-sentinel://[password@]host:26379[,host2:26379][/database]#master for Sentinel, "
            + "or several redis:// URIs (or cluster(true)) for a Cluster.";

    private final Kind kind;
    private final List<RedisURI> uris;
    private final String description;

    private RedisTarget(Kind kind, List<RedisURI> uris, String description) {
        this.kind = kind;
        this.uris = List.copyOf(uris);
        this.description = description;
    }

    /**
     * Parses {@code texts} (each may hold several comma-separated redis:// URIs).
     *
     * @throws IllegalArgumentException naming the (password-masked) URI and the accepted forms
     */
    static RedisTarget parse(List<String> texts, boolean cluster, Duration commandTimeout) {
        List<String> parts = new ArrayList<>();
        for (String text : texts) {
            for (String part : URI_SEPARATOR.split(text.strip())) {
                parts.add(part.strip());
            }
        }
        if (parts.isEmpty() || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("The Redis URI is empty. " + FORMS);
        }
        List<RedisURI> uris = new ArrayList<>();
        for (String part : parts) {
            RedisURI uri = parseOne(part);
            uri.setTimeout(commandTimeout);
            uris.add(uri);
        }
        if (cluster || uris.size() > 1) {
            return clusterOf(parts, uris);
        }
        RedisURI uri = uris.get(0);
        if (!uri.getSentinels().isEmpty()) {
            return new RedisTarget(Kind.SENTINEL, uris, "Redis master '" + uri.getSentinelMasterId() + "'"
                    + database(uri) + " via Sentinel at " + hostPorts(uri.getSentinels()));
        }
        String where = uri.getSocket() != null ? "socket " + uri.getSocket() : hostPort(uri);
        return new RedisTarget(Kind.STANDALONE, uris, "Redis at " + where + database(uri));
    }

    /** The Redis an application's own client connects to by default: a Cluster for a cluster client. */
    static RedisTarget ofClient(AbstractRedisClient client) {
        return client instanceof RedisClusterClient
                ? new RedisTarget(Kind.CLUSTER, List.of(), "the application's Redis Cluster client")
                : new RedisTarget(Kind.STANDALONE, List.of(), "the application's Redis client");
    }

    private static RedisTarget clusterOf(List<String> parts, List<RedisURI> uris) {
        for (int i = 0; i < uris.size(); i++) {
            RedisURI uri = uris.get(i);
            if (!uri.getSentinels().isEmpty() || uri.getSocket() != null) {
                throw new IllegalArgumentException("A Redis Cluster is given by redis:// or rediss:// URIs "
                        + "of its nodes, not '" + mask(parts.get(i)) + "'. " + FORMS);
            }
            if (uri.getDatabase() != 0) {
                throw new IllegalArgumentException("A Redis Cluster has only database 0, but '"
                        + mask(parts.get(i)) + "' asks for database " + uri.getDatabase() + ". Remove the /"
                        + uri.getDatabase() + ".");
            }
        }
        return new RedisTarget(Kind.CLUSTER, uris, "Redis Cluster at " + hostPorts(uris));
    }

    private static RedisURI parseOne(String text) {
        int colon = text.indexOf("://");
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("Not a Redis URI: '" + mask(text) + "'. " + FORMS);
        }
        if (scheme.endsWith("-sentinel") && (!text.contains("#") || text.endsWith("#"))) {
            throw new IllegalArgumentException("The Sentinel URI '" + mask(text) + "' does not name the "
                    + "master: add #<master name>, e.g. redis-sentinel://127.0.0.1:26379#mymaster.");
        }
        if (scheme.equals("redis") || scheme.equals("rediss")) {
            String problem = hostAndPortProblem(text);
            if (problem != null) {
                throw unusable(text, problem);
            }
        }
        try {
            return RedisURI.create(text);
        } catch (RuntimeException e) {
            throw unusable(text, e.getMessage());
        }
    }

    /** Lettuce takes "host:notaport" for a host name; java.net.URI does not. */
    private static @Nullable String hostAndPortProblem(String text) {
        try {
            return new URI(text).getHost() == null ? "no valid host[:port]" : null;
        } catch (URISyntaxException e) {
            return e.getReason();
        }
    }

    private static IllegalArgumentException unusable(String text, @Nullable String problem) {
        return new IllegalArgumentException("Not a usable Redis URI: '" + mask(text) + "' (" + problem + "). "
                + FORMS);
    }

    private static String hostPorts(List<RedisURI> uris) {
        return uris.stream().map(RedisTarget::hostPort).collect(Collectors.joining(","));
    }

    private static String hostPort(RedisURI uri) {
        String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
        return host + ":" + uri.getPort();
    }

    private static String database(RedisURI uri) {
        return uri.getDatabase() == 0 ? "" : " (database " + uri.getDatabase() + ")";
    }

    /** Replaces the user and password of a URI with {@code ***}. */
    static String mask(String text) {
        return USER_INFO.matcher(text).replaceAll("//***@");
    }

    Kind kind() {
        return kind;
    }

    List<RedisURI> uris() {
        return uris;
    }

    /** E.g. "Redis at 127.0.0.1:6379"; never a password. */
    @Override
    public String toString() {
        return description;
    }
}
