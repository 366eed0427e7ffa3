package dev.cloakroom.testservers;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A three-master Redis Cluster of a test's own on loopback ports (each node also needs its port + 10000
 * for the cluster bus), built with {@code redis-cli --cluster create}. Close it in {@code @AfterAll}.
 */
public final class PrivateCluster implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<PrivateRedis> nodes = new ArrayList<>();

    private PrivateCluster() {
    }

    public static PrivateCluster launch() throws Exception {
        PrivateCluster cluster = new PrivateCluster();
        try {
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int port = freePortWithBus();
                PrivateRedis node = PrivateRedis.launchOn(port, "--cluster-enabled", "yes",
                        "--cluster-node-timeout", "5000");
                cluster.nodes.add(node);
                addresses.add("127.0.0.1:" + port);
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            create.addAll(addresses);
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process process = new ProcessBuilder(create).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + output);
            }
            for (PrivateRedis node : cluster.nodes) {
                Eventually.succeeds(Duration.ofSeconds(20), () -> {
                    String info = TestRedis.with(node.url(), redis -> redis.clusterInfo());
                    if (!info.contains("cluster_state:ok")) {
                        throw new IllegalStateException("cluster not ready: " + info);
                    }
                    return null;
                });
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The nodes' URIs, for the engine's builder. */
    public List<String> urls() {
        return nodes.stream().map(PrivateRedis::url).toList();
    }

    /** Runs a command on every node, e.g. to count keys. */
    public long sumOverNodes(ToLongFunction<RedisCommands<String, String>> f) {
        long sum = 0;
        for (PrivateRedis node : nodes) {
            RedisClient client = RedisClient.create(RedisURI.create(node.url()));
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                sum += f.applyAsLong(connection.sync());
            } finally {
                client.shutdown();
            }
        }
        return sum;
    }

    private static int freePortWithBus() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + RANDOM.nextInt(20_000);
            if (bindable(port) && bindable(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port pair (p, p + 10000) between 20000 and 50000");
    }

    private static boolean bindable(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        for (PrivateRedis node : nodes) {
            node.close();
        }
    }
}
