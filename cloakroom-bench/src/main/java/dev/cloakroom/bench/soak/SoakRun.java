package dev.cloakroom.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The soak: the demo app ({@code db} engine) in its own JVM, {@code clients} browsers reading, writing,
 * logging in and out over HTTP for {@code duration}, and every {@code interval} a sample of the demo's heap
 * after a full collection, resident memory, open files and database connections. The run fails if any of
 * those grows after the warm-up (see {@link Growth}), if more than 1 % of the requests fail, or if none is
 * answered.
 */
public final class SoakRun {

    /** The tolerated failed requests, as a fraction of all. */
    static final double MAX_FAILED = 0.01;

    static final List<Growth> MEASURES = List.of(
            new Growth("heap after GC", "MiB", 0.10, 8 << 20),
            new Growth("RSS", "MiB", 0.05, 24 << 20),
            new Growth("open files", "count", 0, 4),
            new Growth("db connections", "count", 0, 1));

    private static final List<ToLongFunction<SoakSample>> VALUES = List.of(SoakSample::heapAfterGc,
            SoakSample::resident, s -> s.openFiles(), s -> s.dbConnections());

    private final Config config;
    private final SoakDatabase database;
    private final Consumer<String> log;

    /**
     * The soak's settings.
     *
     * @param duration how long the clients run
     * @param interval the time between two samples
     * @param warmUp samples before this are shown but not judged
     * @param clients how many browsers
     * @param heap the demo's fixed heap, such as {@code 256m}
     */
    public record Config(Duration duration, Duration interval, Duration warmUp, int clients, String heap) {

        /**
         * The settings for a run of {@code duration}: 20 clients, a 256 MiB heap, a sample every twentieth
         * of the run (between 1 and 30 s: every 30 s in the 10-minute run), and a warm-up of a fifth of the
         * run, at most 2 minutes.
         */
        public static Config of(Duration duration) {
            Duration interval = duration.dividedBy(20);
            interval = interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : interval.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : interval;
            Duration warmUp = duration.dividedBy(5);
            warmUp = warmUp.compareTo(Duration.ofMinutes(2)) > 0 ? Duration.ofMinutes(2) : warmUp;
            return new Config(duration, interval, warmUp, 20, "256m");
        }
    }

    /**
     * What a soak found.
     *
     * @param samples every sample, in order
     * @param verdicts one per measure, judged on the samples after the warm-up
     * @param requests requests answered
     * @param failures failed requests by kind
     * @param slowRequests requests that took a second or more (reported, not judged)
     * @param slowestMillis the longest a request took
     * @param problems why the run failed; empty if it passed
     */
    public record Result(List<SoakSample> samples, List<Growth.Verdict> verdicts, long requests,
            Map<String, Long> failures, long slowRequests, long slowestMillis, List<String> problems) {

        /** Whether nothing grew and almost every request succeeded. */
        public boolean passed() {
            return problems.isEmpty();
        }

        /** One line per measure: its earlier and later medians and whether it grew. */
        public List<String> summary() {
            return verdicts.stream().map(Growth.Verdict::describe).toList();
        }
    }

    SoakRun(Config config, SoakDatabase database, Consumer<String> log) {
        this.config = config;
        this.database = database;
        this.log = log;
    }

    /** Runs the soak against SQLite in a temporary directory, or PostgreSQL if {@code postgresUrl} is set. */
    public static SoakRun of(Config config, @Nullable String postgresUrl, Path work, Consumer<String> log)
            throws SQLException {
        SoakDatabase database = postgresUrl == null ? SoakDatabase.sqlite(work)
                : SoakDatabase.postgres(postgresUrl);
        return new SoakRun(config, database, log);
    }

    /** Where the demo keeps its sessions. */
    public String database() {
        return database.describe();
    }

    /** Runs the soak; {@code work} holds the SQLite file and the demo's log ({@code demo.log}). */
    public Result run(Path work) throws IOException, InterruptedException, SQLException {
        List<SoakSample> samples = new ArrayList<>();
        SoakClients clients;
        Path demoLog = work.resolve("demo.log");
        Map<String, String> environment = SoakServer.environment(database.url(), "soak-" + Instant.now());
        try (SoakServer server = SoakServer.start(environment, config.heap(), work, demoLog)) {
            log.accept("demo (pid " + server.pid() + ") at " + server.uri() + ", engine db on "
                    + database.describe() + "; " + config.clients() + " clients for "
                    + config.duration().toSeconds() + " s, a sample every " + config.interval().toMillis()
                    + " ms, warm-up " + config.warmUp().toSeconds() + " s");
            log.accept(SoakSample.HEADER);
            clients = SoakClients.start(server.uri(), config.clients());
            long start = System.nanoTime();
            try {
                for (int k = 1; config.interval().multipliedBy(k).compareTo(config.duration()) <= 0; k++) {
                    long due = start + config.interval().multipliedBy(k).toNanos();
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                    SoakSample sample = new SoakSample(Duration.ofNanos(System.nanoTime() - start),
                            server.heapAfterGc(), server.residentBytes(), server.openFiles(),
                            database.connections(server), clients.requests(), clients.failureCount());
                    samples.add(sample);
                    log.accept(sample.row());
                }
            } finally {
                clients.stop();
            }
        }
        return judge(samples, config.warmUp(), clients.requests(), clients.failures(), clients.slowRequests(),
                clients.slowestMillis(), demoLog);
    }

    static Result judge(List<SoakSample> samples, Duration warmUp, long requests, Map<String, Long> failures,
            long slowRequests, long slowestMillis, @Nullable Path demoLog) throws IOException {
        List<SoakSample> judged = samples.stream().filter(s -> s.at().compareTo(warmUp) >= 0).toList();
        List<Growth.Verdict> verdicts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < MEASURES.size(); i++) {
            ToLongFunction<SoakSample> value = VALUES.get(i);
            Growth.Verdict verdict = MEASURES.get(i).judge(judged.stream().map(value::applyAsLong).toList());
            verdicts.add(verdict);
            if (verdict.grows()) {
                problems.add(verdict.describe());
            }
        }
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        if (requests == 0) {
            problems.add("no request was answered");
        } else if (failed > requests * MAX_FAILED) {
            problems.add(failed + " of " + requests + " requests failed: " + failures);
        }
        if (demoLog != null && Files.exists(demoLog) && Files.size(demoLog) > 0) {
            problems.addAll(errorsIn(demoLog));
        }
        return new Result(samples, verdicts, requests, failures, slowRequests, slowestMillis, problems);
    }

    /** ERROR lines of the demo's log: a soak must not make the server fail. */
    private static List<String> errorsIn(Path demoLog) throws IOException {
        try (var lines = Files.lines(demoLog)) {
            return lines.filter(l -> l.contains(" ERROR ")).limit(5).map(l -> "the demo logged: " + l)
                    .toList();
        }
    }
}
