package dev.cloakroom.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code redis-server} of a test's own on a free loopback port, without persistence unless asked for (pass
 * {@code "--appendonly", "yes", "--appendfsync", "always"}: a restart then reloads the data), so a test can
 * kill, pause and restart it while the shared Redis stays up. Close it in {@code @AfterAll}, or let
 * {@link #perClass} start and close it for a test class.
 */
public final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final List<String> extraArguments;
    private final Path directory;
    private Process process;

    private PrivateRedis(int port, List<String> extraArguments) throws IOException {
        this.port = port;
        this.extraArguments = extraArguments;
        this.directory = Files.createTempDirectory("cloakroom-redis-" + port);
    }

    /** Starts a Redis on a free port; later arguments override earlier ones. */
    public static PrivateRedis launch(String... extraArguments) throws IOException {
        return launchOn(freePort(), extraArguments);
    }

    /**
     * A Redis of the test class's own, started before its first test and closed after its last: register it
     * as {@code @RegisterExtension static final PrivateRedis.PerClass REDIS = PrivateRedis.perClass();}.
     */
    public static PerClass perClass(String... extraArguments) {
        return new PerClass(extraArguments);
    }

    /** The JUnit extension {@link #perClass} makes. */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private final String[] extraArguments;
        private PrivateRedis redis;

        private PerClass(String[] extraArguments) {
            this.extraArguments = extraArguments.clone();
        }

        /** The running Redis. */
        public PrivateRedis redis() {
            if (redis == null) {
                throw new IllegalStateException(
                        "PrivateRedis.perClass() runs only as a static @RegisterExtension field");
            }
            return redis;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            redis = launch(extraArguments);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (redis != null) {
                redis.close();
                redis = null;
            }
        }
    }

    /** Starts a Redis on {@code port}. */
    public static PrivateRedis launchOn(int port, String... extraArguments) throws IOException {
        PrivateRedis redis = new PrivateRedis(port, List.of(extraArguments));
        redis.start();
        return redis;
    }

    /** The directory the server runs in (its configuration and log files). */
    public Path directory() {
        return directory;
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() throws IOException {
        return LocalServers.freePort();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts (or restarts, on the same port) the server and waits until it accepts connections. */
    public synchronized void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(server(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString(),
                "--daemonize", "no", "--loglevel", "warning"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port + ": "
                        + Files.readString(directory.resolve("redis.log")));
            }
            sleep(20);
        }
    }

    /** Kills the server (as a crash would) and waits until the port is closed. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        while (accepts()) {
            sleep(20);
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
    public synchronized void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Thaws a paused server (SIGCONT). */
    public synchronized void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    private boolean accepts() {
        return LocalServers.accepts(port);
    }

    private static String server() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("redis-server is not on the PATH. These tests start Redis servers of "
                + "their own: install Redis (e.g. apt-get install redis-server).");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the server for good and deletes its directory. */
    @Override
    public synchronized void close() throws IOException {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL works on a paused server too
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LocalServers.deleteRecursively(directory); // an append-only file lives in a directory of its own
    }
}
