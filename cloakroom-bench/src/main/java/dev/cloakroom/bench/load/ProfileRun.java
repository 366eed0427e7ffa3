package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.profile.JfrSamples;
import dev.cloakroom.bench.profile.StageCounts;
import dev.cloakroom.bench.profile.StoreCpu;
import dev.cloakroom.bench.profile.ThreadCpu;
import dev.cloakroom.bench.profile.ThreadKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * The CPU profile run ({@code scripts/bench --profile}): Cloakroom and the raw floor on Redis and PostgreSQL
 * in the bench app's Jetty; a JIT warm-up of every endpoint and variant, then for each endpoint and variant
 * another wrk warm-up and a measured wrk run, all under an in-process JFR recording (JFR's {@code profile}
 * settings, execution samples every {@link Config#samplePeriod()}); the samples taken during the measured
 * run are kept, and the JVM's CPU time and each thread's are taken around it.
 */
public final class ProfileRun {

    /**
     * A system property: {@code -Dcloakroom.bench.keepRecordings=true} keeps each measured run's JFR
     * recording ({@code profile-<variant>-<endpoint>.jfr} in the work directory) for a closer look with
     * {@code jfr} or JDK Mission Control.
     */
    public static final String KEEP_RECORDINGS = "cloakroom.bench.keepRecordings";

    /** The variants profiled, in table order. */
    public static final List<Variant> VARIANTS = List.of(Variant.CLOAKROOM_REDIS, Variant.RAW_REDIS,
            Variant.CLOAKROOM_DB, Variant.RAW_SQL);

    /** The endpoints profiled, in table order. */
    public static final List<Endpoint> ENDPOINTS = List.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN);

    /**
     * How long and how hard.
     *
     * @param warmUp the unmeasured wrk run before each measured one
     * @param measure the measured wrk run
     * @param sessions sessions made per variant for wrk's cookies
     * @param threads wrk threads
     * @param connections wrk connections
     * @param samplePeriod JFR's execution-sample period
     */
    public record Config(Duration warmUp, Duration measure, int sessions, int threads, int connections,
            Duration samplePeriod) {

        /** 3 s warm-up, 8 s measured, 2,000 sessions, 50 connections, a sample every millisecond. */
        public static Config full() {
            return new Config(Duration.ofSeconds(3), Duration.ofSeconds(8), 2000, 2, 50,
                    Duration.ofMillis(1));
        }

        /** 1 s warm-up, 2 s measured, 200 sessions. Indicative only. */
        public static Config quick() {
            return new Config(Duration.ofSeconds(1), Duration.ofSeconds(2), 200, 2, 50, Duration.ofMillis(1));
        }

        LoadConfig load() {
            return new LoadConfig(warmUp, measure, 1, sessions, 0, threads, connections, Duration.ZERO, 1,
                    List.of(), List.of());
        }
    }

    private final BenchApp app;
    private final BenchStores stores;
    private final Wrk wrk;
    private final Config config;
    private final Path workDir;
    private final Consumer<String> log;
    private final ThreadCpu threadCpu = new ThreadCpu();

    /** A run on a started {@code app} (which serves every variant of {@link #VARIANTS}). */
    public ProfileRun(BenchApp app, BenchStores stores, Wrk wrk, Config config, Path workDir,
            Consumer<String> log) {
        this.app = app;
        this.stores = stores;
        this.wrk = wrk;
        this.config = config;
        this.workDir = workDir;
        this.log = log;
    }

    /**
     * Makes the sessions, warms every endpoint of every variant up once (so that the JIT has compiled what
     * they run before the first is measured), then profiles each: results in table order.
     */
    public List<ProfileResult> run() throws Exception {
        LoadHarness harness = new LoadHarness(VARIANTS, app, stores, wrk, config.load(), workDir, log);
        harness.prepare();
        // JFR instruments JDK classes (its socket and file events) when a recording with them starts and
        // again when the last one stops, and the JIT then recompiles what used them: one recording runs
        // from before the warm-up to the end, so that each measured run's own recording changes nothing.
        try (Recording whole = recording()) {
            whole.setMaxSize(64L << 20);
            whole.start();
            return profile(harness);
        }
    }

    private List<ProfileResult> profile(LoadHarness harness) throws Exception {
        for (Endpoint e : ENDPOINTS) {
            for (Variant v : VARIANTS) {
                wrk.run(app.url(v, e), config.warmUp(), harness.cookieFile(v, e));
            }
        }
        log.accept("warmed up every variant and endpoint");
        List<ProfileResult> results = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Variant v : VARIANTS) {
                String url = app.url(v, e);
                wrk.run(url, config.warmUp(), harness.cookieFile(v, e));
                ProfileResult r = measure(v, e, url, harness.cookieFile(v, e));
                log.accept(String.format(java.util.Locale.ROOT,
                        "profile %-6s %-16s %8.0f req/s %7.1f µs CPU/req, %,d samples", e.path(), v.path(),
                        r.throughput(), r.cpuMicrosPerRequest(), r.counts().samples()));
                results.add(r);
            }
        }
        return results;
    }

    private ProfileResult measure(Variant v, Endpoint e, String url, @Nullable Path cookies)
            throws IOException, InterruptedException, ParseException {
        Path file = workDir.resolve("profile-" + v.path() + "-" + e.path() + ".jfr");
        WrkResult result;
        long cpu;
        Map<ThreadKind, long[]> threads;
        Map<String, Long> others;
        long store;
        Instant from;
        Instant to;
        try (Recording recording = recording()) {
            recording.start();
            from = Instant.now();
            Map<Integer, ThreadCpu.Times> before = threadCpu.snapshot();
            long storeBefore = storeCpuNanos(v);
            long cpuBefore = processCpuNanos();
            result = wrk.run(url, config.measure(), cookies);
            cpu = processCpuNanos() - cpuBefore;
            store = storeCpuNanos(v) - storeBefore;
            Map<Integer, ThreadCpu.Times> after = threadCpu.snapshot();
            threads = ThreadCpu.byKind(before, after);
            others = ThreadCpu.busiest(before, after, ThreadKind.OTHER, 3);
            to = Instant.now();
            recording.stop();
            recording.dump(file);
        }
        if (threads.values().stream().allMatch(t -> t[0] + t[1] == 0)) {
            threads = Map.of();
        }
        StageCounts counts = StageCounts.of(JfrSamples.read(file, from, to));
        if (!Boolean.getBoolean(KEEP_RECORDINGS)) {
            Files.deleteIfExists(file);
        }
        return new ProfileResult(v, e, result, cpu, threads, counts, others, store);
    }

    /** A recording with JFR's {@code profile} settings, execution samples every sample period. */
    private Recording recording() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable(JfrSamples.EXECUTION_SAMPLE).withPeriod(config.samplePeriod());
        return recording;
    }

    /** The CPU time so far of {@code v}'s store server: the bench's Redis, or PostgreSQL. */
    private long storeCpuNanos(Variant v) {
        return v.store() == Variant.Store.REDIS ? StoreCpu.redisNanos(stores.adminRedis().info("server"))
                : StoreCpu.postgresNanos();
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
