package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadConfig;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import dev.cloakroom.bench.load.WrkResult;
import dev.cloakroom.bench.micro.MicroResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The feature-cost run as Markdown ({@code features.md}): Cloakroom's {@code cache} engine on Redis without
 * and with idle/absolute expiry and with Micrometer metrics, as ratios to the plain engine, then JMH's
 * {@code MetricsBenchmark}.
 */
public final class FeatureTable {

    /** The endpoints compared, in table order. */
    static final List<Endpoint> ENDPOINTS = List.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN);

    /**
     * The writes a client sends: a Cloakroom save or create is one {@code EVALSHA} (the commands its script
     * runs inside Redis are not counted again), a delete one {@code DEL}.
     */
    private static final Set<String> WRITES = Set.of("evalsha", "eval", "del", "unlink");

    private FeatureTable() {
    }

    /**
     * The whole file.
     *
     * @param results the load results of {@link Variant#featureRun()}
     * @param underLoad Redis calls by command while wrk ran a variant's endpoint, over all rounds
     * @param jmh {@code MetricsBenchmark}'s results (empty when it did not run)
     * @param jmhConfig how JMH ran, for the units
     */
    public static String markdown(List<LoadResult> results,
            BiFunction<Variant, Endpoint, Map<String, Long>> underLoad, LoadConfig config, RunInfo info,
            String wrkVersion, List<MicroResult> jmh, String jmhConfig) {
        StringBuilder sb = new StringBuilder("# What expiry and metrics cost: Cloakroom on Redis with and "
                + "without them\n\n");
        sb.append(info.markdown()).append('\n');
        sb.append("**Variants.** `cloakroom-redis`: the `cache` engine behind `SessionFilter`, Django's "
                + "defaults. `cloakroom-redis-expiry`: the same engine with `idleTimeout` 30 min, "
                + "`absoluteTimeout` 8 h, `touchAfter` 60 s. `cloakroom-redis-metrics`: the same engine "
                + "wrapped by `CloakroomMetrics.instrument(engine, \"cache\")`, the metrics in the settings' "
                + "listeners and bound to a `SimpleMeterRegistry`. Same Redis, same key prefix, same "
                + "endpoint servlets, one Jetty.\n\n");
        sb.append("**Units.** *req/s*: requests completed per second by `").append(wrkVersion)
                .append("` with ").append(config.threads()).append(" threads and ")
                .append(config.connections()).append(" keep-alive connections on loopback, over ")
                .append(config.rounds()).append(" rounds of ").append(config.measure().toSeconds())
                .append(" s per variant (after a ").append(config.warmUp().toSeconds())
                .append(" s warm-up; the variants take turns, every other round in reverse order); "
                        + "*rounds*: the slowest and fastest round, which show the noise. *× plain*: req/s "
                        + "divided by `cloakroom-redis`'s on the same endpoint. *Java CPU µs/req*: the CPU "
                        + "time (user + system) of the harness's JVM, which serves all three variants, taken "
                        + "just before and after each measured wrk run and summed over the rounds, divided "
                        + "by the requests wrk completed (wrk and Redis are processes of their own and do "
                        + "not count); *× plain CPU*: that divided by `cloakroom-redis`'s. *cmds/req*: Redis "
                        + "commands "
                        + "sent per request in a sequential counting pass of ")
                .append(config.countingRequests()).append(" requests (`MONITOR`). *under load*: Redis "
                        + "calls per request while wrk ran (`INFO commandstats`, so the commands a script "
                        + "runs inside Redis count besides its `EVALSHA`); *writes/req*: `EVALSHA`, `EVAL` "
                        + "and `DEL` calls per request under load: one per save, create or delete, the "
                        + "commands inside the scripts not counted again. Each variant first made ")
                .append(config.sessions())
                .append(" sessions through its login; wrk cycles through their cookies, so with "
                        + "`touchAfter` 60 s a session read saves at most once a minute (none in the first "
                        + "minute after its login).\n\n");
        sb.append("| endpoint | variant | req/s | rounds | × plain | p50 ms | p99 ms | Java CPU µs/req "
                + "| × plain CPU | errors | cmds/req | under load | writes/req |\n"
                + "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Endpoint e : ENDPOINTS) {
            Optional<LoadResult> plain = LoadTable.find(results, Variant.CLOAKROOM_REDIS, e);
            for (Variant v : Variant.featureRun()) {
                Optional<LoadResult> found = LoadTable.find(results, v, e);
                if (found.isEmpty()) {
                    continue;
                }
                LoadResult r = found.get();
                Map<String, Long> calls = underLoad.apply(v, e);
                long requests = r.rounds().stream().mapToLong(WrkResult::requests).sum();
                sb.append("| `").append(e.path()).append("` | `").append(v.path()).append("` | ")
                        .append(Numbers.grouped(r.throughput())).append(" | ").append(spread(r))
                        .append(" | ").append(plain.map(p -> ratio(r, p)).orElse("–")).append(" | ")
                        .append(Numbers.fixed(r.p50Millis(), 2)).append(" | ")
                        .append(Numbers.fixed(r.p99Millis(), 2)).append(" | ").append(LoadTable.cpu(r))
                        .append(" | ").append(plain.map(p -> cpuRatio(r, p)).orElse("–")).append(" | ")
                        .append(r.errors())
                        .append(" | ").append(Numbers.fixed(r.counts().redisPerRequest(), 2)).append(" | ")
                        .append(perRequest(calls, requests)).append(" | ")
                        .append(Numbers.fixed(writes(calls, requests), 3)).append(" |\n");
            }
        }
        sb.append('\n').append(ratios(results)).append('\n');
        sb.append(jmh(jmh, jmhConfig));
        return sb.toString();
    }

    /** One line per feature: its req/s over the plain engine's, for each endpoint. */
    static String ratios(List<LoadResult> results) {
        StringBuilder sb = new StringBuilder("**Ratios** (req/s with the feature / without):\n\n");
        for (Variant v : List.of(Variant.CLOAKROOM_REDIS_EXPIRY, Variant.CLOAKROOM_REDIS_METRICS)) {
            sb.append("- `").append(v.path()).append("`: ");
            sb.append(ENDPOINTS.stream().map(e -> {
                Optional<LoadResult> with = LoadTable.find(results, v, e);
                Optional<LoadResult> without = LoadTable.find(results, Variant.CLOAKROOM_REDIS, e);
                return e.path() + " " + (with.isPresent() && without.isPresent()
                        ? ratio(with.get(), without.get()) : "–");
            }).collect(Collectors.joining(", "))).append('\n');
        }
        return sb.toString();
    }

    private static String jmh(List<MicroResult> jmh, String jmhConfig) {
        StringBuilder sb = new StringBuilder("## JMH: `MetricsBenchmark`\n\n");
        if (jmh.isEmpty()) {
            return sb.append("Not run.\n").toString();
        }
        sb.append("One writing request on the `memory` engine with a 100-byte logged-in session (open, read, "
                + "put, save), without and with the engine instrumented and the metrics listening "
                + "(`SimpleMeterRegistry`); one thread, JMH ").append(jmhConfig)
                .append(", average time; ± is JMH's 99.9% confidence half-width.\n\n");
        sb.append("| benchmark | ns/op | ± |\n|---|---:|---:|\n");
        MicroResult without = null;
        MicroResult with = null;
        for (MicroResult r : jmh) {
            sb.append("| `").append(r.operation()).append("` | ").append(Numbers.fixed(r.score(), 0))
                    .append(" | ").append(Double.isNaN(r.error()) ? "–" : Numbers.fixed(r.error(), 0))
                    .append(" |\n");
            if (r.operation().endsWith("metrics=false")) {
                without = r;
            } else if (r.operation().endsWith("metrics=true")) {
                with = r;
            }
        }
        if (without != null && with != null && without.score() > 0) {
            double difference = with.score() - without.score();
            sb.append("\nWith metrics: ×").append(Numbers.fixed(with.score() / without.score(), 2))
                    .append(" the time (").append(difference >= 0 ? "+" : "")
                    .append(Numbers.fixed(difference, 0)).append(" ns per request)");
            double noise = (Double.isNaN(with.error()) ? 0 : with.error())
                    + (Double.isNaN(without.error()) ? 0 : without.error());
            sb.append(Math.abs(difference) <= noise
                    ? ", within JMH's error: no cost measurable in this run.\n" : ".\n");
        }
        return sb.toString();
    }

    private static String ratio(LoadResult with, LoadResult without) {
        return without.throughput() <= 0 ? "–" : Numbers.fixed(with.throughput() / without.throughput(), 2);
    }

    private static String cpuRatio(LoadResult with, LoadResult without) {
        double ratio = with.cpuMicrosPerRequest() / without.cpuMicrosPerRequest();
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : Numbers.fixed(ratio, 2);
    }

    private static String spread(LoadResult r) {
        double min = r.rounds().stream().mapToDouble(WrkResult::throughput).min().orElse(0);
        double max = r.rounds().stream().mapToDouble(WrkResult::throughput).max().orElse(0);
        return Numbers.grouped(min) + "–" + Numbers.grouped(max);
    }

    private static String perRequest(Map<String, Long> calls, long requests) {
        if (calls.isEmpty() || requests == 0) {
            return "–";
        }
        return new TreeMap<>(calls).entrySet().stream()
                .map(c -> c.getKey().toUpperCase(java.util.Locale.ROOT) + " "
                        + Numbers.fixed((double) c.getValue() / requests, 3))
                .collect(Collectors.joining(", "));
    }

    private static double writes(Map<String, Long> calls, long requests) {
        long n = calls.entrySet().stream().filter(c -> WRITES.contains(c.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return requests == 0 ? 0 : (double) n / requests;
    }
}
