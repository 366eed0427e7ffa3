package dev.cloakroom.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a free loopback port, without persistence, as scripts/bench starts one:
 * counting commands with {@code MONITOR} and {@code INFO commandstats} needs a Redis no other test uses.
 * Fails loudly when Debian's redis-server is not installed (scripts/test-services installs it).
 */
final class PrivateRedis implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    PrivateRedis() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dir = Files.createTempDirectory("cloakroom-bench-redis");
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is not installed; run scripts/test-services", e);
        }
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 5 s: "
                + Files.readString(dir.resolve("redis.log")));
    }

    String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
