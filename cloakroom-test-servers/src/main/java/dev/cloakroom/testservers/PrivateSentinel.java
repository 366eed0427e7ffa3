package dev.cloakroom.testservers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A Redis Sentinel of a test's own, watching a {@link PrivateRedis} as master {@code mymaster}. */
public final class PrivateSentinel implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final Process process;

    private PrivateSentinel(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    public static PrivateSentinel watching(PrivateRedis master) throws IOException {
        int port = PrivateRedis.freePort();
        Path directory = Files.createTempDirectory("cloakroom-sentinel-" + port);
        Path config = directory.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + directory,
                "sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1",
                "sentinel down-after-milliseconds mymaster 5000",
                ""));
        Process process = new ProcessBuilder("redis-server", config.toString(), "--sentinel")
                .redirectErrorStream(true).redirectOutput(directory.resolve("sentinel.log").toFile()).start();
        PrivateSentinel sentinel = new PrivateSentinel(port, directory, process);
        Eventually.succeeds(Duration.ofSeconds(10), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return null;
            } catch (IOException e) {
                throw new IllegalStateException("sentinel not up on " + port, e);
            }
        });
        return sentinel;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
