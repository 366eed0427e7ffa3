package dev.cloakroom.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of a test's own: {@code initdb} into a temporary directory with the Debian binaries
 * ({@code /usr/lib/postgresql/<version>/bin}), trust authentication, on a free loopback port, run as the
 * {@code postgres} user when the test runs as root (PostgreSQL refuses root). {@link #kill()} is a crash:
 * {@code SIGKILL} to the server and every one of its processes; {@link #start()} brings it back on the same
 * port and data, through PostgreSQL's crash recovery. Durable as in production ({@code fsync} on). Close it
 * in {@code @AfterAll}.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates a cluster in a new temporary directory and starts it on a free port. */
    public static PrivatePostgres launch() throws IOException, InterruptedException {
        Path bin = binaries();
        Path directory = Files.createTempDirectory("cloakroom-pg");
        boolean root = "root".equals(System.getProperty("user.name"));
        PrivatePostgres postgres = new PrivatePostgres(bin, directory, LocalServers.freePort(), root);
        if (root) {
            run(List.of("chown", "postgres:postgres", directory.toString()), true);
        }
        postgres.run(postgres.command("initdb", "-D", postgres.data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        postgres.start();
        return postgres;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A JDBC URL for the {@code postgres} database as the {@code postgres} user. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts (or restarts, after {@link #kill()}) the server and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        List<String> command = command("postgres", "-D", data.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + directory,
                "-c", "max_connections=50", "-c", "shared_buffers=16MB", "-c", "fsync=on");
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not start on port " + port + ": "
                        + Files.readString(directory.resolve("postgres.log")));
            }
            Thread.sleep(50);
        }
        // Accepting connections is not yet accepting queries while crash recovery runs.
        while (!run(command("pg_isready", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q"), false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL on port " + port + " never became ready: "
                        + Files.readString(directory.resolve("postgres.log")));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Crashes the server: {@code SIGKILL} to the postmaster and all its processes at once, as a power cut
     * would, then waits until the port is closed.
     */
    public synchronized void kill() throws IOException, InterruptedException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(pm -> {
            all.add(pm);
            pm.descendants().forEach(all::add);
        });
        List<String> kill = new ArrayList<>(List.of("kill", "-9"));
        all.forEach(p -> kill.add(Long.toString(p.pid())));
        if (all.isEmpty()) {
            return;
        }
        run(kill, false);
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
        while (accepts()) {
            Thread.sleep(20);
        }
    }

    /** Kills the server for good and deletes its directory. */
    @Override
    public synchronized void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LocalServers.deleteRecursively(directory);
    }

    private List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        run(command, true);
    }

    private static boolean run(List<String> command, boolean mustSucceed) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int status = process.waitFor();
        if (status != 0 && mustSucceed) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "): "
                    + output);
        }
        return status == 0;
    }

    private boolean accepts() {
        return LocalServers.accepts(port);
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} holding {@code initdb} and {@code postgres}. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (var versions = Files.list(root)) {
                Path newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb"))
                                && Files.isExecutable(b.resolve("postgres")))
                        .max(Comparator.comparingInt(PrivatePostgres::majorVersion)).orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql/*/bin. "
                + "These tests start PostgreSQL servers of their own: install it "
                + "(scripts/test-services does, with apt-get install postgresql).");
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
