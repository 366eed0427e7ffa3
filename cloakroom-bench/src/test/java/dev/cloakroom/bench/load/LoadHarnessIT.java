package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.report.LoadChart;
import dev.cloakroom.bench.report.LoadTable;
import dev.cloakroom.bench.report.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole load harness, shortened (1 s runs, 4 connections): every variant answers correctly on real
 * Redis and PostgreSQL through wrk, and the counts are what the targets say for Cloakroom and the
 * raw floor.
 */
class LoadHarnessIT {

    private static final LoadConfig SHORT = new LoadConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
            40, 10,
            1, 4);

    @Test
    void everyVariantRunsAndCloakroomSendsTheFewestRoundTrips(@TempDir Path dir) throws Exception {
        List<LoadResult> results;
        try (PrivateRedis redis = new PrivateRedis();
                BenchStores stores = new BenchStores(redis.uri(), TestDatabases.URL);
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk("wrk", SHORT.threads(), SHORT.connections(), dir);
            results = new LoadHarness(app, stores, wrk, SHORT, dir, message -> { }).run();
        }

        assertThat(results).hasSize(23);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.errors()).as(r.variant() + " " + r.endpoint()).isZero();
            assertThat(r.throughput()).as(r.variant() + " " + r.endpoint()).isPositive();
        });
        assertThat(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.NONE)).isZero();
        assertThat(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.READ)).isEqualTo(1.0);
        assertThat(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.INCR)).isEqualTo(2.0);
        assertThat(trips(results, Variant.CLOAKROOM_DB, Endpoint.NONE)).isZero();
        assertThat(trips(results, Variant.CLOAKROOM_DB, Endpoint.READ)).isEqualTo(1.0);
        assertThat(trips(results, Variant.CLOAKROOM_DB, Endpoint.INCR)).isEqualTo(2.0);
        assertThat(trips(results, Variant.RAW_REDIS, Endpoint.INCR)).isEqualTo(2.0);
        assertThat(trips(results, Variant.RAW_SQL, Endpoint.LOGIN)).isEqualTo(1.0);
        assertThat(trips(results, Variant.SPRING_REDIS, Endpoint.READ))
                .isGreaterThan(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.READ));
        assertThat(trips(results, Variant.SPRING_JDBC, Endpoint.READ))
                .isGreaterThan(trips(results, Variant.CLOAKROOM_DB, Endpoint.READ));

        RunInfo info = new RunInfo(Instant.now(), "test", "LoadHarnessIT", 0, 0, 0, List.of());
        String markdown = LoadTable.markdown(results, SHORT, info, "wrk");
        assertThat(markdown).contains("| read | Cloakroom cache (Redis) |");
        Path png = dir.resolve("load.png");
        LoadChart.write(results, "test", png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private static double trips(List<LoadResult> results, Variant v, Endpoint e) {
        return results.stream().filter(r -> r.variant() == v && r.endpoint() == e).findFirst().orElseThrow()
                .storeRoundTrips();
    }
}
