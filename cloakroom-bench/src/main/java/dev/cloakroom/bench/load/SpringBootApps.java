package dev.cloakroom.bench.load;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Spring Boot variants' processes: one {@code java -jar} of the variant's {@link SpringBootApp} per
 * variant, each on a free port of 127.0.0.1, with its profile (store), context path and the bench's Redis
 * and PostgreSQL given as command-line properties; the same heap for each. Each JDBC variant gets a fresh
 * PostgreSQL schema of its own, where Boot creates Spring Session's tables.
 */
public final class SpringBootApps implements AutoCloseable {

    /** The heap of each Spring Boot app: as much as a small service gets, fixed so GC runs alike. */
    public static final String HEAP = "-Xmx512m";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final Map<Variant, Process> processes = new EnumMap<>(Variant.class);
    private final Map<Variant, Integer> ports = new EnumMap<>(Variant.class);

    /**
     * Starts every variant of {@code variants} that a Spring Boot app serves and waits until each answers.
     *
     * @param logDir where each app's output goes ({@code <variant>.log})
     */
    public SpringBootApps(List<Variant> variants, String redisUri, String jdbcUrl, Path logDir,
            Consumer<String> log) throws IOException, SQLException, InterruptedException {
        RedisURI redis = RedisURI.create(redisUri);
        try {
            for (Variant v : variants) {
                SpringBootApp boot = v.springBoot();
                if (boot == null) {
                    continue;
                }
                if (v.store() == Variant.Store.POSTGRES) {
                    freshSchema(jdbcUrl, boot.schema());
                }
                int port = freePort();
                List<String> command = new ArrayList<>(List.of(javaExecutable(), HEAP, "-XX:+UseG1GC",
                        "-jar", boot.jar().toString(),
                        "--server.port=" + port,
                        "--server.servlet.context-path=/" + v.path(),
                        "--spring.profiles.active=" + v.profile(),
                        "--spring.data.redis.host=" + redis.getHost(),
                        "--spring.data.redis.port=" + redis.getPort(),
                        "--spring.data.redis.database=" + redis.getDatabase(),
                        "--spring.datasource.url=" + withSchema(jdbcUrl, boot.schema())));
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(logDir.resolve(v.path() + ".log").toFile()).start();
                processes.put(v, p);
                ports.put(v, port);
            }
            for (Map.Entry<Variant, Integer> e : ports.entrySet()) {
                long started = System.nanoTime();
                awaitReady(e.getKey(), e.getValue(), logDir);
                SpringBootApp boot = java.util.Objects.requireNonNull(e.getKey().springBoot());
                log.accept("started " + e.getKey().path() + " (Spring Boot " + boot.bootVersion()
                        + ") on port " + e.getValue() + ", ready after "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The port {@code variant}'s app listens on, or {@code null} if no app of this set serves it. */
    public @org.jspecify.annotations.Nullable Integer port(Variant variant) {
        return ports.get(variant);
    }

    /** The process of {@code variant}'s app, or {@code null} if no app of this set serves it. */
    public @org.jspecify.annotations.Nullable ProcessHandle process(Variant variant) {
        Process p = processes.get(variant);
        return p == null ? null : p.toHandle();
    }

    /** The versions of every Spring Boot line compared, newest first, for the results' header. */
    public static String versions() {
        return SpringBootApp.BOOT_4_0.describe() + "; " + SpringBootApp.BOOT_3_5.describe()
                + "; Spring Session configured by Boot's auto-configuration";
    }

    /** {@code jdbcUrl} with {@code currentSchema=schema} added. */
    static String withSchema(String jdbcUrl, String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void freshSchema(String jdbcUrl, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    private void awaitReady(Variant v, int port, Path logDir) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/" + v.path() + "/none");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Process p = java.util.Objects.requireNonNull(processes.get(v));
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                break;
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().equals("ok")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        Path logFile = logDir.resolve(v.path() + ".log");
        String tail = Files.exists(logFile) ? String.join("\n", Files.readAllLines(logFile).stream()
                .skip(Math.max(0, Files.readAllLines(logFile).size() - 20)).toList()) : "";
        throw new IllegalStateException("The Spring Boot app of " + v.path() + " did not start ("
                + (p.isAlive() ? "no answer in " + START_TIMEOUT.toSeconds() + " s" : "exit " + p.exitValue())
                + "); the end of its log:\n" + tail);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
