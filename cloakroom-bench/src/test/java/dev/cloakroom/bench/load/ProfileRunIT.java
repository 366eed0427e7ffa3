package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.report.ProfileTable;
import dev.cloakroom.bench.report.RunInfo;
import dev.cloakroom.testservers.PrivateRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile run, shortened (1 s runs, 4 connections), on real Redis and PostgreSQL: every variant and
 * endpoint is profiled, with CPU time and samples in stages, and {@code profile.md} shows them all.
 */
class ProfileRunIT {

    private static final ProfileRun.Config SHORT = new ProfileRun.Config(Duration.ofSeconds(1),
            Duration.ofSeconds(1), 40, 1, 4, Duration.ofMillis(1));

    @Test
    void everyVariantAndEndpointGetsItsCpuPerRequestAndStages(@TempDir Path dir) throws Exception {
        List<ProfileResult> results;
        try (PrivateRedis redis = PrivateRedis.launch();
                BenchStores stores = new BenchStores(redis.url(), TestDatabases.URL);
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk("wrk", SHORT.threads(), SHORT.connections(), dir);
            results = new ProfileRun(app, stores, wrk, SHORT, dir, message -> { }).run();
        }

        assertThat(results).hasSize(ProfileRun.VARIANTS.size() * ProfileRun.ENDPOINTS.size());
        for (ProfileResult r : results) {
            String what = r.variant().path() + " " + r.endpoint().path();
            assertThat(r.wrk().errors()).as(what).isZero();
            assertThat(r.cpuMicrosPerRequest()).as(what).isPositive();
            assertThat(r.storeCpuMicrosPerRequest()).as(what + ": the store's server worked").isPositive();
            assertThat(r.counts().samples()).as(what).isPositive();
            assertThat(r.counts().byStage().values().stream().mapToLong(Long::longValue).sum()).as(what)
                    .isEqualTo(r.counts().samples());
        }
        // Cloakroom's own code shows in its variants' stages, and never in the raw handlers'
        List<String> cloakroomCode = List.of("JSON", "zlib", "HMAC/signing", "Cloakroom store engine",
                "session bookkeeping", "servlet filter");
        for (Variant v : List.of(Variant.CLOAKROOM_REDIS, Variant.CLOAKROOM_DB)) {
            assertThat(cloakroomCode.stream().mapToLong(s -> find(results, v, Endpoint.INCR).counts()
                    .byStage().get(s)).sum()).as(v.path()).isPositive();
        }
        for (Variant v : List.of(Variant.RAW_REDIS, Variant.RAW_SQL)) {
            for (Endpoint e : ProfileRun.ENDPOINTS) {
                assertThat(find(results, v, e).counts().byStage().get("servlet filter")).isZero();
                assertThat(find(results, v, e).counts().byStage().get("Cloakroom store engine")).isZero();
            }
        }
        assertThat(find(results, Variant.RAW_REDIS, Endpoint.INCR).counts().byStage().get("Redis client"))
                .isPositive();
        assertThat(find(results, Variant.RAW_SQL, Endpoint.INCR).counts().byStage().get("JDBC driver/pool"))
                .isPositive();

        String md = ProfileTable.markdown(results, SHORT, new RunInfo(Instant.now(), "test", "ProfileRunIT",
                0, 0, 0, List.of()), "wrk");
        for (Endpoint e : ProfileRun.ENDPOINTS) {
            assertThat(md).contains("## `" + e.path() + "`\n\n| µs/req (share of samples) | "
                    + "Cloakroom cache (Redis) | raw Redis | Cloakroom db (PostgreSQL) | raw SQL |");
            assertThat(md).contains("- `" + e.path() + "`, Cloakroom cache (Redis) − raw Redis: ")
                    .contains("- `" + e.path() + "`, Cloakroom db (PostgreSQL) − raw SQL: ");
            for (Variant v : ProfileRun.VARIANTS) {
                assertThat(md).contains("### `" + e.path() + "`, " + v.label() + "\n\n| method |");
            }
        }
        assertThat(md).contains("| HMAC/signing |").contains("| Jetty/HTTP |").doesNotContain("NaN");
    }

    private static ProfileResult find(List<ProfileResult> results, Variant v, Endpoint e) {
        return results.stream().filter(r -> r.variant() == v && r.endpoint() == e).findFirst().orElseThrow();
    }
}
