package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadConfig;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import dev.cloakroom.bench.micro.MicroResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

    private static final RunInfo BUSY = new RunInfo(Instant.parse("2026-01-01T00:00:00Z"), "full",
            "scripts/bench --features", 3.1, 9.0, 11.0, List.of("2 cores"));

    private static final List<LoadResult> RESULTS = List.of(
            LoadResults.of(Variant.CLOAKROOM_REDIS, Endpoint.READ, 20_000, 5, 1),
            LoadResults.of(Variant.CLOAKROOM_REDIS_EXPIRY, Endpoint.READ, 19_000, 5, 1),
            LoadResults.of(Variant.CLOAKROOM_REDIS_METRICS, Endpoint.READ, 18_000, 5, 1),
            LoadResults.of(Variant.CLOAKROOM_REDIS, Endpoint.INCR, 10_000, 5, 2),
            LoadResults.of(Variant.CLOAKROOM_REDIS_EXPIRY, Endpoint.INCR, 9_000, 5, 2),
            LoadResults.of(Variant.CLOAKROOM_REDIS_METRICS, Endpoint.INCR, 10_500, 5, 2));

    /** 200,000 read requests (one 10 s round at 20,000 req/s): one GET each, a touch on 1 in 100. */
    private static Map<String, Long> underLoad(Variant v, Endpoint e) {
        return v == Variant.CLOAKROOM_REDIS_EXPIRY && e == Endpoint.READ
                ? Map.of("get", 190_000L, "evalsha", 1_900L, "hset", 1_900L) : Map.of();
    }

    private static String table(List<MicroResult> jmh) {
        return FeatureTable.markdown(RESULTS, FeatureTableTest::underLoad, LoadConfig.features(), BUSY,
                "wrk 4.1.0", jmh, "1 fork");
    }

    @Test
    void ratiosAreToThePlainEngineOnTheSameEndpoint() {
        String md = table(List.of());

        assertThat(md).contains("- `cloakroom-redis-expiry`: read 0.95, incr 0.90, login –")
                .contains("- `cloakroom-redis-metrics`: read 0.90, incr 1.05, login –");
        assertThat(md).contains("| `read` | `cloakroom-redis` | 20,000 | 20,000–20,000 | 1.00 |");
    }

    @Test
    void javaCpuPerRequestIsComparedWithThePlainEngines() {
        List<LoadResult> results = List.of(
                LoadResults.withCpu(Variant.CLOAKROOM_REDIS, Endpoint.INCR, 10_000, 5, 2, 100),
                LoadResults.withCpu(Variant.CLOAKROOM_REDIS_METRICS, Endpoint.INCR, 9_500, 5, 2, 105),
                LoadResults.of(Variant.CLOAKROOM_REDIS_EXPIRY, Endpoint.INCR, 9_000, 5, 2));

        String md = FeatureTable.markdown(results, FeatureTableTest::underLoad, LoadConfig.features(), BUSY,
                "wrk 4.1.0", List.of(), "1 fork");

        assertThat(md).contains("| p99 ms | Java CPU µs/req | × plain CPU | errors |")
                .contains("| `incr` | `cloakroom-redis-metrics` | 9,500 | 9,500–9,500 | 0.95 | 1.50 | 5.00 "
                        + "| 105.0 | 1.05 | 0 |")
                .contains("| `incr` | `cloakroom-redis-expiry` | 9,000 | 9,000–9,000 | 0.90 | 1.50 | 5.00 "
                        + "| – | – | 0 |");
    }

    @Test
    void writesUnderLoadCountScriptCallsNotTheCommandsInsideThem() {
        String md = table(List.of());

        assertThat(md).contains("| EVALSHA 0.010, GET 1.000, HSET 0.010 | 0.010 |");
        assertThat(md).contains("the machine was busy");
    }

    @Test
    void theMetricsBenchmarkGivesTheExtraTimePerRequest() {
        String md = table(List.of(
                new MicroResult("MetricsBenchmark", "loadAndSave metrics=false", 0, 1000, 20, "ns/op"),
                new MicroResult("MetricsBenchmark", "loadAndSave metrics=true", 0, 1100, 30, "ns/op")));

        assertThat(md).contains("| `loadAndSave metrics=true` | 1100 | 30 |")
                .contains("With metrics: ×1.10 the time (+100 ns per request).");
        assertThat(table(List.of(
                new MicroResult("MetricsBenchmark", "loadAndSave metrics=false", 0, 1000, 200, "ns/op"),
                new MicroResult("MetricsBenchmark", "loadAndSave metrics=true", 0, 900, 300, "ns/op"))))
                .contains("×0.90 the time (-100 ns per request), within JMH's error: no cost measurable");
        assertThat(table(List.of())).contains("Not run.");
    }
}
