package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.report.LoadChart;
import dev.cloakroom.bench.report.LoadTable;
import dev.cloakroom.bench.report.OpenLoopTable;
import dev.cloakroom.bench.report.RunInfo;
import dev.cloakroom.testservers.PrivateRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole load harness, shortened (1 s runs, 4 connections): every variant, the Spring Boot apps'
 * included, answers correctly on real Redis and PostgreSQL through wrk and at a fixed rate, and the counts
 * are what the targets say for Cloakroom and the raw floor.
 */
class LoadHarnessIT {

    private static final LoadConfig SHORT = new LoadConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
            40, 10, 1, 4, Duration.ofSeconds(1), 8, List.of(0.5), List.of(Endpoint.READ));

    @Test
    void theFeatureRunComparesCloakroomOnRedisWithoutAndWithExpiryAndMetrics(@TempDir Path dir)
            throws Exception {
        List<LoadResult> results;
        try (PrivateRedis redis = PrivateRedis.launch();
                BenchStores stores = new BenchStores(redis.url(), TestDatabases.URL);
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk("wrk", SHORT.threads(), SHORT.connections(), dir);
            results = new LoadHarness(Variant.featureRun(), app, stores, wrk, SHORT, dir, message -> { })
                    .run();
        }

        assertThat(results).extracting(LoadResult::variant).containsOnlyElementsOf(Variant.featureRun());
        for (Variant v : Variant.featureRun()) {
            for (Endpoint e : List.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN)) {
                LoadResult r = results.stream().filter(x -> x.variant() == v && x.endpoint() == e).findFirst()
                        .orElseThrow();
                assertThat(r.errors()).as(v + " " + e).isZero();
                assertThat(r.throughput()).as(v + " " + e).isPositive();
                // the harness's own JVM serves these: its CPU time while wrk ran, per request
                assertThat(r.cpuMicrosPerRequest()).as(v + " " + e).isPositive().isLessThan(100_000);
            }
            // a read loads; with touchAfter 60 s, sessions made seconds ago are not touched
            assertThat(trips(results, v, Endpoint.READ)).as(v.path()).isEqualTo(1.0);
            assertThat(trips(results, v, Endpoint.INCR)).as(v.path()).isEqualTo(2.0);
        }
    }

    @Test
    void everyVariantRunsAndCloakroomSendsTheFewestRoundTrips(@TempDir Path dir) throws Exception {
        List<LoadResult> results;
        List<LoadHarness.OpenLoopResult> openLoop;
        try (PrivateRedis redis = PrivateRedis.launch();
                BenchStores stores = new BenchStores(redis.url(), TestDatabases.URL);
                BenchApp app = new BenchApp(stores, 0);
                SpringBootApps boot = new SpringBootApps(Variant.defaultRun(), redis.url(),
                        TestDatabases.URL, dir, message -> { })) {
            app.use(boot);
            Wrk wrk = new Wrk("wrk", SHORT.threads(), SHORT.connections(), dir);
            LoadHarness harness = new LoadHarness(app, stores, wrk, SHORT, dir, message -> { });
            results = harness.run();
            openLoop = harness.openLoop(results);
        }

        assertThat(results).hasSize(39);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.errors()).as(r.variant() + " " + r.endpoint()).isZero();
            assertThat(r.throughput()).as(r.variant() + " " + r.endpoint()).isPositive();
            // the CPU time of the JVM serving the variant: the harness's, or the Spring Boot app's process
            assertThat(r.cpuMicrosPerRequest()).as(r.variant() + " " + r.endpoint()).isPositive();
        });
        assertThat(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.NONE)).isZero();
        assertThat(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.READ)).isEqualTo(1.0);
        assertThat(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.INCR)).isEqualTo(2.0);
        assertThat(trips(results, Variant.CLOAKROOM_DB, Endpoint.NONE)).isZero();
        assertThat(trips(results, Variant.CLOAKROOM_DB, Endpoint.READ)).isEqualTo(1.0);
        assertThat(trips(results, Variant.CLOAKROOM_DB, Endpoint.INCR)).isEqualTo(2.0);
        assertThat(trips(results, Variant.RAW_REDIS, Endpoint.INCR)).isEqualTo(2.0);
        assertThat(trips(results, Variant.RAW_SQL, Endpoint.LOGIN)).isEqualTo(1.0);
        for (Variant spring : List.of(Variant.BOOT40_REDIS, Variant.BOOT40_REDIS_INDEXED,
                Variant.BOOT35_REDIS, Variant.BOOT35_REDIS_INDEXED)) {
            assertThat(trips(results, spring, Endpoint.READ)).as(spring.path())
                    .isGreaterThan(trips(results, Variant.CLOAKROOM_REDIS, Endpoint.READ));
        }
        for (Variant spring : List.of(Variant.BOOT40_JDBC, Variant.BOOT35_JDBC)) {
            assertThat(trips(results, spring, Endpoint.READ)).as(spring.path())
                    .isGreaterThan(trips(results, Variant.CLOAKROOM_DB, Endpoint.READ));
        }
        // every variant but the baseline at half the Boot 4.0 Redis read rate, all requests answered
        assertThat(openLoop).hasSize(Variant.defaultRun().size() - 1);
        assertThat(openLoop).allSatisfy(o -> {
            assertThat(o.result().completed()).as(o.variant().path()).isEqualTo(o.result().due());
            assertThat(o.result().errors()).as(o.variant().path()).isZero();
        });

        RunInfo info = new RunInfo(Instant.now(), "test", "LoadHarnessIT", 0, 0, 0, List.of());
        String markdown = LoadTable.markdown(results, SHORT, info, "wrk",
                OpenLoopTable.markdown(openLoop, SHORT));
        assertThat(markdown).contains("| read | Cloakroom cache (Redis) |")
                .contains("| read | Spring Session 3.5 Redis indexed |")
                .contains("## Open loop: latency at a fixed rate")
                .contains("| read | 50% | Spring Session 4.0 JDBC |");
        Path png = dir.resolve("load.png");
        LoadChart.write(results, "test", png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private static double trips(List<LoadResult> results, Variant v, Endpoint e) {
        return results.stream().filter(r -> r.variant() == v && r.endpoint() == e).findFirst().orElseThrow()
                .storeRoundTrips();
    }
}
