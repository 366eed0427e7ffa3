package dev.cloakroom.bench;

import dev.cloakroom.bench.django.DjangoCodecTimer;
import dev.cloakroom.bench.load.BenchApp;
import dev.cloakroom.bench.load.BenchStores;
import dev.cloakroom.bench.load.LoadConfig;
import dev.cloakroom.bench.load.LoadHarness;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.ProfileResult;
import dev.cloakroom.bench.load.ProfileRun;
import dev.cloakroom.bench.load.ScaleRun;
import dev.cloakroom.bench.load.SpringBootApps;
import dev.cloakroom.bench.load.Variant;
import dev.cloakroom.bench.load.Wrk;
import dev.cloakroom.bench.micro.BenchKeys;
import dev.cloakroom.bench.micro.MicroResult;
import dev.cloakroom.bench.micro.MicroRunner;
import dev.cloakroom.bench.micro.SessionPayloads;
import dev.cloakroom.bench.report.FeatureTable;
import dev.cloakroom.bench.report.LoadChart;
import dev.cloakroom.bench.report.LoadTable;
import dev.cloakroom.bench.report.MicroTable;
import dev.cloakroom.bench.report.OpenLoopTable;
import dev.cloakroom.bench.report.ProfileTable;
import dev.cloakroom.bench.report.ReadmeSection;
import dev.cloakroom.bench.report.RunInfo;
import dev.cloakroom.bench.report.ScaleTable;
import dev.cloakroom.bench.soak.SoakReport;
import dev.cloakroom.bench.soak.SoakRun;
import dev.cloakroom.internal.SessionCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark command ({@code scripts/bench} runs it): the JMH suite with Django's codec beside it,
 * the load harness, and on request the scale run, the feature-cost run or the CPU profile run; writes
 * {@code micro.md}, {@code load.md}, {@code load.png}, {@code scale.md}, {@code features.md} and
 * {@code profile.md} into the output directory.
 */
public final class BenchMain {

    /** The version of the Jetty the bench app runs on, as Jetty reports it. */
    private static final String JETTY = org.eclipse.jetty.util.Jetty.VERSION;

    /** The load average when this JVM started, for a run started without {@code --load-before-run}. */
    private static final double LOAD_AT_START = RunInfo.loadAverage();

    /** The first cleanup: as {@code clearsessions} runs by default, batches of 10,000 rows back to back. */
    private static final ScaleRun.Pacing CLEANUP_DEFAULT = new ScaleRun.Pacing(10_000, Duration.ZERO);

    /**
     * The second cleanup, paced for live traffic: batches of 1,000 rows (tens of milliseconds each on a
     * small machine) with 100 ms between them, so the database is never busy with the cleanup for long.
     */
    private static final ScaleRun.Pacing CLEANUP_GENTLE = new ScaleRun.Pacing(1_000, Duration.ofMillis(100));

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.out());
        List<Path> written = new ArrayList<>();
        boolean soakPassed = true;
        if (options.soak() != null) {
            soakPassed = soak(options, written);
        }
        if (options.features()) {
            written.add(features(options));
        }
        if (options.profile()) {
            written.add(profile(options));
        }
        if (options.parts().contains("micro")) {
            written.add(micro(options));
        }
        if (options.parts().contains("load") || !options.scaleSizes().isEmpty()) {
            written.addAll(load(options));
        }
        log("wrote " + written);
        System.exit(soakPassed ? 0 : 1);
    }

    /** Runs the soak, writes {@code soak.md} and returns whether it passed. */
    private static boolean soak(BenchOptions options, List<Path> written) throws Exception {
        Path work = Files.createTempDirectory("cloakroom-soak");
        try {
            SoakRun.Config config = SoakRun.Config.of(Objects.requireNonNull(options.soak(), "--soak"));
            SoakRun run = SoakRun.of(config, options.soakOnPostgres() ? options.pg() : null, work,
                    BenchMain::log);
            SoakRun.Result result;
            try {
                result = run.run(work);
            } finally {
                Path demoLog = work.resolve("demo.log");
                if (Files.exists(demoLog)) {
                    Files.copy(demoLog, options.out().resolve("soak-demo.log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path file = options.out().resolve("soak.md");
            Files.writeString(file, SoakReport.markdown(result, config, run.database(), options.command(),
                    cpu() + ", load average before the run "
                            + (options.loadBeforeRun() >= 0 ? options.loadBeforeRun() : LOAD_AT_START)),
                    StandardCharsets.UTF_8);
            result.summary().forEach(BenchMain::log);
            log(String.format(java.util.Locale.ROOT, "%,d requests, %d failed, %d took a second or more "
                    + "(slowest %,d ms); the demo's log is in soak-demo.log", result.requests(),
                    result.failures().values().stream().mapToLong(Long::longValue).sum(),
                    result.slowRequests(), result.slowestMillis()));
            log(result.passed() ? "soak passed" : "soak FAILED: " + result.problems());
            written.add(file);
            return result.passed();
        } finally {
            deleteTree(work);
        }
    }

    private static Path micro(BenchOptions options) throws Exception {
        RunInfo info = start(options, List.of(cpu(), "JVM: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version")));
        MicroRunner.Config config = options.quick() ? MicroRunner.Config.quick() : MicroRunner.Config.full();
        log("JMH: " + config);
        List<MicroResult> java = MicroRunner.run(config);
        Map<Integer, Map<String, Object>> sessions = new LinkedHashMap<>();
        Map<Integer, String> encoded = new LinkedHashMap<>();
        SessionCodec codec = SessionCodec.of(BenchKeys.settings());
        for (int size : new int[] {100, 1000, 10000}) {
            sessions.put(size, SessionPayloads.of(size));
            encoded.put(size, codec.encode(sessions.get(size)));
        }
        DjangoCodecTimer django = new DjangoCodecTimer(options.python(), BenchKeys.SECRET_KEY);
        log("Django: timing the codec with python3 -m timeit");
        List<DjangoCodecTimer.Timing> timings = django.time(sessions, encoded);
        Path file = options.out().resolve("micro.md");
        Files.writeString(file, MicroTable.markdown(java, timings, config.toString(), django.djangoVersion(),
                info.ended()), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The feature-cost run: {@link Variant#featureRun()} through the load harness (no Spring Boot apps, no
     * open loop), then JMH's {@code MetricsBenchmark}; writes {@code features.md}.
     */
    private static Path features(BenchOptions options) throws Exception {
        Path work = Files.createTempDirectory("cloakroom-bench-features");
        LoadConfig config = options.quick() ? LoadConfig.quick() : LoadConfig.features();
        try (BenchStores stores = new BenchStores(options.redis(), options.pg());
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk(options.wrk(), config.threads(), config.connections(), work);
            List<String> machine = List.of(cpu(), inOneJetty("three"), redisVersion(stores, options));
            RunInfo info = start(options, machine);
            LoadHarness harness = new LoadHarness(Variant.featureRun(), app, stores, wrk, config, work,
                    BenchMain::log);
            List<LoadResult> results = harness.run();
            MicroRunner.Config jmh = options.quick() ? MicroRunner.Config.quick()
                    : new MicroRunner.Config(1, 3, 3, 2);
            log("JMH MetricsBenchmark: " + jmh);
            List<MicroResult> metrics = MicroRunner.run(jmh, "MetricsBenchmark");
            Path file = options.out().resolve("features.md");
            Files.writeString(file, FeatureTable.markdown(results, harness::underLoadCommands, config,
                    info.ended(), wrkVersion(options.wrk()), metrics, jmh.toString()),
                    StandardCharsets.UTF_8);
            return file;
        } finally {
            deleteTree(work);
        }
    }

    /** The JVM line of a run whose variants all share the harness's Jetty. */
    private static String inOneJetty(String howMany) {
        return "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; the " + howMany + " variants in one Jetty " + JETTY + " (ee10) in the harness's JVM";
    }

    /** {@code Redis <version> at <uri>}, the version from {@code INFO server}. */
    private static String redisVersion(BenchStores stores, BenchOptions options) {
        return "Redis " + stores.adminRedis().info("server").lines()
                .filter(l -> l.startsWith("redis_version:")).map(l -> l.substring(14)).findFirst()
                .orElse("?") + " at " + options.redis();
    }

    /**
     * The CPU profile run: {@link ProfileRun#VARIANTS} on each of {@link ProfileRun#ENDPOINTS} under JFR (no
     * Spring Boot apps); writes {@code profile.md}.
     */
    private static Path profile(BenchOptions options) throws Exception {
        Path work = Files.createTempDirectory("cloakroom-bench-profile");
        ProfileRun.Config config = options.quick() ? ProfileRun.Config.quick() : ProfileRun.Config.full();
        try (BenchStores stores = new BenchStores(options.redis(), options.pg());
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk(options.wrk(), config.threads(), config.connections(), work);
            List<String> machine = List.of(cpu(), inOneJetty("four"),
                    redisVersion(stores, options) + "; " + postgresVersion(options.pg()));
            RunInfo info = start(options, machine);
            List<ProfileResult> results = new ProfileRun(app, stores, wrk, config, work, BenchMain::log)
                    .run();
            Path file = options.out().resolve("profile.md");
            Files.writeString(file, ProfileTable.markdown(results, config, info.ended(),
                    wrkVersion(options.wrk())), StandardCharsets.UTF_8);
            return file;
        } finally {
            if (Boolean.getBoolean(ProfileRun.KEEP_RECORDINGS)) {
                log("kept the JFR recordings in " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    private static List<Path> load(BenchOptions options) throws Exception {
        List<Path> written = new ArrayList<>();
        Path work = Files.createTempDirectory("cloakroom-bench");
        LoadConfig config = options.quick() ? LoadConfig.quick() : LoadConfig.full();
        try (BenchStores stores = new BenchStores(options.redis(), options.pg());
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk(options.wrk(), config.threads(), config.connections(), work);
            String wrkVersion = wrkVersion(options.wrk());
            List<String> machine = List.of(cpu(), "JVM: " + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.version") + "; Cloakroom, raw and baseline variants in one "
                    + "Jetty " + JETTY + " (ee10) in the harness's JVM, each Spring Boot variant in its own "
                    + "JVM (" + SpringBootApps.HEAP + ") on Boot's Jetty",
                    redisVersion(stores, options) + "; " + postgresVersion(options.pg()),
                    SpringBootApps.versions());
            if (options.parts().contains("load")) {
                RunInfo info = start(options, machine);
                List<LoadResult> results;
                List<LoadHarness.OpenLoopResult> openLoop;
                log("starting the Spring Boot apps");
                try (SpringBootApps boot = new SpringBootApps(Variant.defaultRun(), options.redis(),
                        options.pg(), work, BenchMain::log)) {
                    app.use(boot);
                    LoadHarness harness = new LoadHarness(app, stores, wrk, config, work, BenchMain::log);
                    results = harness.run();
                    openLoop = harness.openLoop(results);
                }
                RunInfo ended = info.ended();
                Path md = options.out().resolve("load.md");
                Files.writeString(md, LoadTable.markdown(results, config, ended, wrkVersion,
                        OpenLoopTable.markdown(openLoop, config)), StandardCharsets.UTF_8);
                Path png = options.out().resolve("load.png");
                LoadChart.write(results, ended.mode() + " run, " + ended.started().toString().substring(0, 16)
                        + "Z, load average before the run " + String.format(java.util.Locale.ROOT, "%.2f",
                                ended.loadBeforeRun()) + ", " + config.connections()
                        + " connections", png);
                written.add(md);
                written.add(png);
                Path readme = Path.of("README.md");
                if (!options.quick() && options.out().equals(Path.of("bench", "results"))
                        && Files.exists(readme)) {
                    Files.writeString(readme, ReadmeSection.replace(Files.readString(readme),
                            ReadmeSection.markdown(results, openLoop, ended)), StandardCharsets.UTF_8);
                    written.add(readme);
                }
            }
            if (!options.scaleSizes().isEmpty()) {
                written.add(scale(options, stores, app, wrk, config, work, machine));
            }
        } finally {
            deleteTree(work);
        }
        return written;
    }

    private static Path scale(BenchOptions options, BenchStores stores, BenchApp app, Wrk wrk,
            LoadConfig load,
            Path work, List<String> machine) throws Exception {
        RunInfo info = start(options, machine);
        List<Long> sizes = options.scaleSizes();
        long cleanupAt = sizes.contains(1_000_000L) ? 1_000_000L : sizes.get(sizes.size() - 1);
        Duration measure = options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        Duration window = options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(5);
        // The cleanup runs twice: as clearsessions does by default, and paced for live traffic.
        ScaleRun.Config config = new ScaleRun.Config(sizes, measure, window, cleanupAt, 1_000_000L,
                List.of(CLEANUP_DEFAULT, CLEANUP_GENTLE));
        ScaleRun.Result result = new ScaleRun(app, stores, wrk, config, load.sessions(), work, BenchMain::log)
                .run();
        List<String> missing = new ArrayList<>();
        for (long size : new long[] {10_000, 1_000_000, 10_000_000}) {
            if (!sizes.contains(size)) {
                missing.add(String.format(java.util.Locale.ROOT, "%,d", size));
            }
        }
        String notRun = missing.isEmpty() ? "" : String.join(", ", missing)
                + " live sessions (not asked for; `--scale=10k,1m,10m` runs all three)";
        Path file = options.out().resolve("scale.md");
        Files.writeString(file, ScaleTable.markdown(result, config, load.connections(), info.ended(), notRun),
                StandardCharsets.UTF_8);
        return file;
    }

    private static RunInfo start(BenchOptions options, List<String> machine) {
        double now = RunInfo.loadAverage();
        return new RunInfo(Instant.now(), options.quick() ? "quick" : "full", options.command(),
                options.loadBeforeRun() >= 0 ? options.loadBeforeRun() : LOAD_AT_START, now, now, machine);
    }

    private static String cpu() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
        } catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + model;
    }

    private static String postgresVersion(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW server_version")) {
            return "PostgreSQL " + (r.next() ? r.getString(1) : "?");
        } catch (Exception e) {
            return "PostgreSQL ?";
        }
    }

    private static String wrkVersion(String wrk) {
        try {
            Process p = new ProcessBuilder(wrk, "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            String first = out.lines().findFirst().orElse("wrk");
            return first.contains("[") ? first.substring(0, first.indexOf('[')).trim() : first.trim();
        } catch (IOException | InterruptedException e) {
            return "wrk";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
