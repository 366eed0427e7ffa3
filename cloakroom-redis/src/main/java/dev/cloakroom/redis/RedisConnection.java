package dev.cloakroom.redis;

import dev.cloakroom.SessionStorageException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One engine's connection to Redis: a single Lettuce connection shared by all threads (Lettuce
 * connections are thread-safe and pipeline concurrent commands), opened on first use, re-opened by
 * Lettuce after a failure, and every command awaited for at most the command timeout.
 *
 * <p>While the connection is down, commands are rejected at once instead of being queued, so callers
 * fail fast with a {@link SessionStorageException}; Lettuce reconnects in the background (at most
 * {@code maxReconnectDelay} apart) and the next command after that succeeds. If the very first connect
 * fails, the next attempt is made by a later call, at most once per {@link #CONNECT_RETRY_PAUSE}.
 */
final class RedisConnection implements AutoCloseable {

    static final Duration CONNECT_RETRY_PAUSE = Duration.ofMillis(500);

    /** What Lettuce reports when a failed handshake closed the channel before it looked at it. */
    static final String HANDSHAKE_RACE = "RedisHandshakeHandler not registered";
    private static final int HANDSHAKE_RACE_ATTEMPTS = 5;

    private final RedisTarget target;
    private final Duration commandTimeout;
    private final AbstractRedisClient client;
    /** Whether {@link #close()} shuts {@link #client} down: only when this connection made it. */
    private final boolean ownsClient;
    /** The resources this connection made for its client, shut down on close; null when not its own. */
    private final @Nullable ClientResources ownResources;

    private volatile @Nullable RedisClusterAsyncCommands<String, String> commands;
    private @Nullable StatefulConnection<String, String> connection;
    private @Nullable RuntimeException lastConnectFailure;
    private long nextConnectNanos;
    private volatile boolean closed;

    private RedisConnection(RedisTarget target, Duration commandTimeout, AbstractRedisClient client,
            boolean ownsClient, @Nullable ClientResources ownResources) {
        this.target = target;
        this.commandTimeout = commandTimeout;
        this.client = client;
        this.ownsClient = ownsClient;
        this.ownResources = ownResources;
    }

    /** What the connection runs on, for {@code toString}: a client of its own, or the application's. */
    String lettuceOwner() {
        if (!ownsClient) {
            return "the application's Lettuce client";
        }
        return ownResources == null ? "the application's Lettuce resources" : "its own Lettuce client";
    }

    /**
     * A connection through an application's client, to the URI it was created with. Closing the
     * connection leaves the client (and its resources) running.
     */
    static RedisConnection through(AbstractRedisClient client, RedisTarget target, Duration commandTimeout) {
        return new RedisConnection(target, commandTimeout, client, false, null);
    }

    /**
     * A connection through a client of its own, made on {@code sharedResources} when given (left running on
     * close), else on resources of its own (shut down on close).
     */
    static RedisConnection ownClient(RedisTarget target, Duration commandTimeout, Duration connectTimeout,
            Duration maxReconnectDelay, @Nullable ClientResources sharedResources) {
        @Nullable ClientResources own = null;
        ClientResources resources = sharedResources;
        if (resources == null) {
            own = ClientResources.builder()
                    .reconnectDelay(Delay.exponential(Duration.ofMillis(1), maxReconnectDelay, 2,
                            TimeUnit.MILLISECONDS))
                    .build();
            resources = own;
        }
        SocketOptions socket = SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
        AbstractRedisClient client;
        if (target.kind() == RedisTarget.Kind.CLUSTER) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, target.uris());
            cluster.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket)
                    .timeoutOptions(timeouts)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers().build())
                    .build());
            client = cluster;
        } else {
            RedisClient single = RedisClient.create(resources, target.uris().get(0));
            single.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket)
                    .timeoutOptions(timeouts)
                    .build());
            client = single;
        }
        return new RedisConnection(target, commandTimeout, client, true, own);
    }

    RedisTarget target() {
        return target;
    }

    /** Sends one command (or a few, pipelined) and waits for the result of the stage it returns. */
    <T> T call(String operation,
            Function<RedisClusterAsyncCommands<String, String>, ? extends CompletionStage<T>> command) {
        return await(command.apply(commands(operation)), operation);
    }

    /**
     * Returns the commands of the shared connection, connecting first if needed.
     *
     * @throws SessionStorageException if Redis cannot be reached
     */
    RedisClusterAsyncCommands<String, String> commands(String operation) {
        RedisClusterAsyncCommands<String, String> ready = commands;
        return ready != null ? ready : connect(operation);
    }

    private synchronized RedisClusterAsyncCommands<String, String> connect(String operation) {
        if (closed) {
            throw new SessionStorageException("The Redis engine for " + target + " is closed and cannot be "
                    + "used for " + operation + ". Build a new engine.");
        }
        RedisClusterAsyncCommands<String, String> ready = commands;
        if (ready != null) {
            return ready;
        }
        long now = System.nanoTime();
        RuntimeException last = lastConnectFailure;
        if (last != null && now - nextConnectNanos < 0) {
            throw failure(operation, last);
        }
        try {
            ready = openRetryingHandshakeRace();
        } catch (RuntimeException e) {
            lastConnectFailure = e;
            nextConnectNanos = now + CONNECT_RETRY_PAUSE.toNanos();
            throw failure(operation, e);
        }
        lastConnectFailure = null;
        commands = ready;
        return ready;
    }

    /**
     * Opens the connection. When Redis answers the handshake with an error (a wrong password, say),
     * Lettuce closes the channel; if that happens before Lettuce's own connect listener runs, Lettuce
     * reports {@value #HANDSHAKE_RACE} instead of Redis's answer. The real cause shows on a new
     * attempt, so such a failure is retried a few times before it is reported.
     */
    private RedisClusterAsyncCommands<String, String> openRetryingHandshakeRace() {
        for (int attempt = 1;; attempt++) {
            try {
                return open();
            } catch (RuntimeException e) {
                if (attempt >= HANDSHAKE_RACE_ATTEMPTS || !isHandshakeRace(e)) {
                    throw e;
                }
            }
        }
    }

    private RedisClusterAsyncCommands<String, String> open() {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, String> opened = cluster.connect(StringCodec.UTF8);
            connection = opened;
            return opened.async();
        }
        StatefulRedisConnection<String, String> opened = ((RedisClient) client).connect(StringCodec.UTF8);
        connection = opened;
        return opened.async();
    }

    static boolean isHandshakeRace(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof IllegalStateException && HANDSHAKE_RACE.equals(e.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits for a command for at most the command timeout.
     *
     * @throws SessionStorageException if Redis failed, refused or did not answer in time
     */
    <T> T await(CompletionStage<T> stage, String operation) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw timedOut(operation, e);
        } catch (ExecutionException e) {
            throw failure(operation, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new SessionStorageException("Interrupted while waiting for " + target + " while "
                    + operation, e);
        }
    }

    private SessionStorageException timedOut(String operation, Throwable cause) {
        return new SessionStorageException(target + " did not answer within " + commandTimeout.toMillis()
                + " ms while " + operation + ". Check that Redis is up and not overloaded, or raise the "
                + "engine's commandTimeout.", cause);
    }

    /** Turns what Lettuce threw into a message naming Redis, the operation, and what to do next. */
    SessionStorageException failure(String operation, Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SessionStorageException storage) {
            return storage;
        }
        if (e instanceof RedisCommandTimeoutException) {
            return timedOut(operation, e);
        }
        String root = rootMessage(e);
        if (isHandshakeRace(e)) {
            return new SessionStorageException(target + " closed the connection during the handshake while "
                    + operation + ". Check the user and password in the Redis URI, and that it is a Redis "
                    + "server.", e);
        }
        if (root.contains("NOAUTH") || root.contains("WRONGPASS") || root.contains("invalid password")) {
            return new SessionStorageException(target + " refused the credentials while " + operation + " ("
                    + root + "). Check the user and password in the Redis URI.", e);
        }
        if (e instanceof RedisCommandExecutionException) {
            return new SessionStorageException(target + " refused a command while " + operation + ": "
                    + e.getMessage(), e);
        }
        if (e instanceof RedisConnectionException || isDisconnected(e)) {
            return new SessionStorageException(target + " is not reachable while " + operation + " ("
                    + root + "). Check that Redis runs and accepts connections; the engine "
                    + "reconnects by itself when it does.", e);
        }
        return new SessionStorageException(target + " failed while " + operation + ": " + root, e);
    }

    private static boolean isDisconnected(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("not connected") || message.contains("Connection closed")
                || message.contains("Connection reset") || e instanceof java.io.IOException;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + ": " + message;
    }

    /**
     * Closes the connection, and shuts down the client and the resources if this connection made them;
     * later calls fail with a clear message.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        commands = null;
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (ownsClient) {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
            if (ownResources != null) {
                ownResources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
            }
        }
    }
}
