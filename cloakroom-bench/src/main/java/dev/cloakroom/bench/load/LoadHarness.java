package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.SqlCounter;
import dev.cloakroom.bench.endpoints.Endpoint;
import java.util.Objects;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the load comparison on a started {@link BenchApp}:
 * <ol>
 *   <li>empties the bench's keys and tables, then makes {@link LoadConfig#sessions()} sessions per variant
 *       through the variant's own login endpoint and writes their cookies for wrk;</li>
 *   <li>the counting pass: {@link LoadConfig#countingRequests()} sequential requests per variant and
 *       endpoint,
 *       checking every answer (a read must see its user, an increment a number), while {@code MONITOR},
 *       {@code INFO commandstats} and the SQL counters record what reached the store;</li>
 *   <li>a JIT warm-up of every variant ({@code read} for twice the warm-up);</li>
 *   <li>the timed part, endpoint by endpoint ({@code none}, {@code read}, {@code incr}, {@code login}): a
 *       warm-up run of every variant, then {@link LoadConfig#rounds()} rounds in which the variants take
 *       turns, in reverse order every other round.</li>
 * </ol>
 * Then, on request, {@link #openLoop}: the same variants at fixed rates, latency from intended send times.
 */
public final class LoadHarness {

    private static final List<Endpoint> ORDER = List.of(Endpoint.NONE, Endpoint.READ, Endpoint.INCR,
            Endpoint.LOGIN);

    private final BenchApp app;
    private final BenchStores stores;
    private final Wrk wrk;
    private final LoadConfig config;
    private final Path workDir;
    private final Consumer<String> log;
    private final HttpDriver http = new HttpDriver();
    private final Map<Variant, Path> cookieFiles = new EnumMap<>(Variant.class);
    private final Map<Variant, List<String>> cookies = new EnumMap<>(Variant.class);
    private final List<Variant> variants;
    private final Map<String, Map<String, Long>> underLoadCommands = new LinkedHashMap<>();

    /** A harness for the default run's variants ({@link Variant#defaultRun()}). */
    public LoadHarness(BenchApp app, BenchStores stores, Wrk wrk, LoadConfig config, Path workDir,
            Consumer<String> log) {
        this(Variant.defaultRun(), app, stores, wrk, config, workDir, log);
    }

    /** A harness for {@code variants} (in table order; {@code app} must serve each). */
    public LoadHarness(List<Variant> variants, BenchApp app, BenchStores stores, Wrk wrk, LoadConfig config,
            Path workDir, Consumer<String> log) {
        this.variants = List.copyOf(variants);
        this.app = app;
        this.stores = stores;
        this.wrk = wrk;
        this.config = config;
        this.workDir = workDir;
        this.log = log;
    }

    /** Runs everything and returns one result per variant and endpoint, in table order. */
    public List<LoadResult> run() throws Exception {
        prepare();
        Map<String, StoreCounts> counts = countingPass();
        List<LoadResult> results = new ArrayList<>();
        int pairs = 0;
        for (Variant v : variants) {
            pairs += v.endpoints().size();
        }
        warmUpJvms();
        log.accept("timed part: " + pairs + " variant/endpoint pairs, about " + config.plannedSeconds(pairs)
                + " s");
        for (Endpoint endpoint : ORDER) {
            results.addAll(timed(endpoint, counts));
        }
        return results;
    }

    /**
     * Before anything is timed, every variant serves {@code read} (the baseline {@code none}) for twice the
     * warm-up: the Spring Boot apps start in fresh JVMs, and their code should be compiled by the JIT as the
     * bench app's is by then, or the first endpoints measured would count compilation against them.
     */
    private void warmUpJvms() throws Exception {
        for (Variant v : variants) {
            Endpoint e = v.endpoints().contains(Endpoint.READ) ? Endpoint.READ : Endpoint.NONE;
            wrk.run(app.url(v, e), config.warmUp().multipliedBy(2), cookieFile(v, e));
        }
        log.accept("warmed up every variant's JVM");
    }

    /**
     * Empties the bench's keys and tables, then makes {@link LoadConfig#sessions()} sessions per variant
     * through its login endpoint and writes their cookies for wrk ({@link #cookieFile}); {@link #run()}
     * starts with this.
     */
    void prepare() throws Exception {
        stores.reset();
        makeSessions();
    }

    private void makeSessions() throws Exception {
        for (Variant v : variants) {
            if (v == Variant.BASELINE) {
                continue;
            }
            long started = System.nanoTime();
            List<String> made = http.sessions(app.url(v, Endpoint.LOGIN), v.cookieName(), config.sessions());
            cookies.put(v, made);
            Path file = workDir.resolve("cookies-" + v.path() + ".txt");
            Files.write(file, made);
            cookieFiles.put(v, file);
            log.accept("made " + made.size() + " sessions for " + v.path() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        // The baseline ignores cookies; it gets Cloakroom's so its requests are the same size.
        if (variants.contains(Variant.BASELINE)) {
            cookies.put(Variant.BASELINE, cookies.get(Variant.CLOAKROOM_REDIS));
            cookieFiles.put(Variant.BASELINE, cookieFiles.get(Variant.CLOAKROOM_REDIS));
        }
    }

    private Map<String, StoreCounts> countingPass() throws Exception {
        Map<String, StoreCounts> counts = new LinkedHashMap<>();
        RedisURI uri = RedisURI.create(stores.redisUri());
        try (RedisMonitor monitor = new RedisMonitor(uri.getHost(), uri.getPort())) {
            RedisCommands<String, String> admin = stores.adminRedis();
            int marker = 0;
            for (Variant v : variants) {
                for (Endpoint e : v.endpoints()) {
                    monitor.clear();
                    Map<String, Long> statsBefore = CommandStats.parse(admin.info("commandstats"));
                    SqlCounter.Snapshot sqlBefore = sqlSnapshot(v);
                    int n = config.countingRequests();
                    for (int i = 0; i < n; i++) {
                        List<String> mine = Objects.requireNonNull(cookies.get(v));
                        String cookie = e.needsSession() ? mine.get(i % mine.size()) : null;
                        check(v, e, http.get(app.url(v, e), cookie));
                    }
                    String id = "cloakroom-bench-marker-" + (++marker);
                    monitor.expect(id);
                    admin.echo(id);
                    monitor.awaitMarker(10_000);
                    Map<String, Long> stats = CommandStats.delta(statsBefore,
                            CommandStats.parse(admin.info("commandstats")));
                    SqlCounter.Snapshot sql = sqlSnapshot(v).minus(sqlBefore);
                    StoreCounts c = new StoreCounts(n, monitor.clientCommands(), monitor.scriptCommands(),
                            stats, sql);
                    counts.put(key(v, e), c);
                    log.accept(String.format(java.util.Locale.ROOT, "counted %-16s %-6s redis %s | sql %s",
                            v.path(), e.path(), c.describe(c.redisSent()),
                            StoreCounts.format(c.sqlPerRequest())));
                }
            }
        }
        return counts;
    }

    /** Fails if an answer shows the session did not work as it should. */
    private static void check(Variant v, Endpoint e, HttpResponse<String> response) {
        String body = response.body();
        boolean ok = switch (e) {
            case NONE -> body.equals("ok");
            case READ -> v == Variant.BASELINE || body.matches("[0-9]+");
            case INCR -> body.matches("[0-9]+");
            case LOGIN -> body.equals("logged in") && (v == Variant.BASELINE
                    || HttpDriver.sessionCookie(response, v.cookieName()) != null);
        };
        if (!ok) {
            throw new IllegalStateException(v.path() + "/" + e.path() + " answered '" + body
                    + "': the session did not work; nothing measured would mean anything");
        }
    }

    private List<LoadResult> timed(Endpoint endpoint, Map<String, StoreCounts> counts) throws Exception {
        List<Variant> serving = new ArrayList<>();
        for (Variant v : variants) {
            if (v.endpoints().contains(endpoint)) {
                serving.add(v);
            }
        }
        for (Variant v : serving) {
            wrk.run(app.url(v, endpoint), config.warmUp(), cookieFile(v, endpoint));
        }
        Map<Variant, List<WrkResult>> rounds = new EnumMap<>(Variant.class);
        Map<Variant, long[]> storeCalls = new EnumMap<>(Variant.class);
        Map<Variant, long[]> cpuTimes = new EnumMap<>(Variant.class);
        RedisCommands<String, String> admin = stores.adminRedis();
        for (int round = 0; round < config.rounds(); round++) {
            List<Variant> order = new ArrayList<>(serving);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Variant v : order) {
                long before = storeCalls(v, admin);
                Map<String, Long> commandsBefore = redisCommands(v, admin);
                long cpuBefore = app.cpuNanos(v);
                WrkResult result = wrk.run(app.url(v, endpoint), config.measure(), cookieFile(v, endpoint));
                long cpuAfter = app.cpuNanos(v);
                long[] cpu = cpuTimes.computeIfAbsent(v, k -> new long[1]);
                cpu[0] = cpu[0] < 0 || cpuBefore < 0 || cpuAfter < 0 ? -1 : cpu[0] + cpuAfter - cpuBefore;
                Thread.sleep(200); // let requests wrk abandoned at the end reach the store before counting
                long calls = storeCalls(v, admin) - before;
                Map<String, Long> byCommand = underLoadCommands.computeIfAbsent(key(v, endpoint),
                        k -> new java.util.TreeMap<>());
                CommandStats.delta(commandsBefore, redisCommands(v, admin))
                        .forEach((name, n) -> byCommand.merge(name, n, Long::sum));
                rounds.computeIfAbsent(v, k -> new ArrayList<>()).add(result);
                long[] acc = storeCalls.computeIfAbsent(v, k -> new long[2]);
                acc[0] += calls;
                acc[1] += result.requests();
                log.accept(String.format(java.util.Locale.ROOT,
                        "%-6s round %d %-16s %8.0f req/s p50 %6.2f ms "
                        + "p99 %6.2f ms errors %d, %.1f µs CPU/req", endpoint.path(), round + 1, v.path(),
                        result.throughput(), result.p50Micros() / 1000.0, result.p99Micros() / 1000.0,
                        result.errors(), (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, result.requests())));
            }
        }
        List<LoadResult> results = new ArrayList<>();
        for (Variant v : serving) {
            long[] acc = Objects.requireNonNull(storeCalls.get(v));
            results.add(new LoadResult(v, endpoint, Objects.requireNonNull(rounds.get(v)),
                    Objects.requireNonNull(counts.get(key(v, endpoint))),
                    acc[1] == 0 ? 0 : (double) acc[0] / acc[1],
                    Objects.requireNonNull(cpuTimes.get(v))[0]));
        }
        return results;
    }

    /** {@code INFO commandstats} of a Redis variant's store; empty for the others. */
    private static Map<String, Long> redisCommands(Variant v, RedisCommands<String, String> admin) {
        return v.store() == Variant.Store.REDIS ? CommandStats.parse(admin.info("commandstats")) : Map.of();
    }

    /**
     * Redis calls by command ({@code INFO commandstats}, so commands a script runs count too, besides the
     * script's {@code EVALSHA}) while wrk ran {@code endpoint} of {@code variant}, summed over the rounds of
     * {@link #run()}; divide by the result's requests. Empty for variants that do not use Redis.
     */
    public Map<String, Long> underLoadCommands(Variant variant, Endpoint endpoint) {
        return underLoadCommands.getOrDefault(key(variant, endpoint), Map.of());
    }

    /** The cookies wrk sends to {@code e} of {@code v} (after {@link #prepare()}), or null for none. */
    @Nullable Path cookieFile(Variant v, Endpoint e) {
        return e.needsSession() ? cookieFiles.get(v) : null;
    }

    private long storeCalls(Variant v, RedisCommands<String, String> admin)
            throws IOException, InterruptedException {
        return switch (v.store()) {
            case REDIS -> CommandStats.parse(admin.info("commandstats")).entrySet().stream()
                    .filter(x -> !x.getKey().equals("info") && !x.getKey().equals("echo"))
                    .mapToLong(Map.Entry::getValue).sum();
            case POSTGRES -> sqlSnapshot(v).roundTrips();
            case NONE -> 0;
        };
    }

    /** The SQL counts of {@code v}'s pool: the bench app's own, or its Spring Boot app's ({@code /_sql}). */
    private SqlCounter.Snapshot sqlSnapshot(Variant v) throws IOException, InterruptedException {
        if (v.store() == Variant.Store.POSTGRES && v.springBoot() != null) {
            return SqlCounter.Snapshot.parse(http.get(app.sqlCountsUrl(v), null).body());
        }
        return v.store() == Variant.Store.POSTGRES ? stores.dataSource(v).counter().snapshot()
                : new SqlCounter.Snapshot(0, 0, 0, 0);
    }

    /**
     * One variant at one fixed rate.
     *
     * @param variant the variant
     * @param endpoint the endpoint
     * @param fraction the rate as a fraction of {@link LoadConfig#OPEN_LOOP_REFERENCE}'s wrk throughput
     * @param result what the fixed-rate driver measured
     */
    public record OpenLoopResult(Variant variant, Endpoint endpoint, double fraction,
            FixedRateDriver.Result result) {
    }

    /**
     * The open-loop part, after {@link #run()}: for each of {@link LoadConfig#openLoopEndpoints()}, every
     * variant that serves it (but the baseline) at each of {@link LoadConfig#openLoopFractions()} of the
     * reference variant's wrk throughput in {@code closed}, measured by the {@link FixedRateDriver} from
     * intended send times; variants take turns, in reverse order at every other rate.
     */
    public List<OpenLoopResult> openLoop(List<LoadResult> closed) throws Exception {
        FixedRateDriver driver = new FixedRateDriver(config.openLoopConnections());
        Duration grace = config.openLoop().dividedBy(4);
        List<OpenLoopResult> results = new ArrayList<>();
        for (Endpoint endpoint : config.openLoopEndpoints()) {
            LoadResult reference = closed.stream().filter(r -> r.variant() == LoadConfig.OPEN_LOOP_REFERENCE
                    && r.endpoint() == endpoint).findFirst().orElse(null);
            if (reference == null || reference.throughput() <= 0) {
                log.accept("open loop: no wrk throughput of " + LoadConfig.OPEN_LOOP_REFERENCE.path() + " "
                        + endpoint.path() + " to take rates from; skipped");
                continue;
            }
            List<Variant> serving = new ArrayList<>();
            for (Variant v : variants) {
                if (v != Variant.BASELINE && v.endpoints().contains(endpoint)) {
                    serving.add(v);
                }
            }
            log.accept("open loop " + endpoint.path() + ": " + serving.size() + " variants x "
                    + config.openLoopFractions().size() + " rates, about "
                    + config.plannedOpenLoopSeconds(serving.size()) / config.openLoopEndpoints().size()
                    + " s");
            int turn = 0;
            for (double fraction : config.openLoopFractions()) {
                double rate = FixedRateDriver.rate(reference.throughput(), fraction);
                List<Variant> order = new ArrayList<>(serving);
                if (turn++ % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Variant v : order) {
                    List<String> mine = endpoint.needsSession() ? Objects.requireNonNull(cookies.get(v))
                            : List.of();
                    FixedRateDriver.Result r = driver.run(URI.create(app.url(v, endpoint)), rate,
                            config.openLoop(), grace, v.cookieName(), mine);
                    results.add(new OpenLoopResult(v, endpoint, fraction, r));
                    log.accept(String.format(java.util.Locale.ROOT, "open   %-6s %3.0f%% %-22s %s",
                            endpoint.path(), fraction * 100, v.path(), FixedRateDriver.describe(r)));
                }
            }
        }
        return results;
    }

    private static String key(Variant v, Endpoint e) {
        return v.path() + "/" + e.path();
    }
}
