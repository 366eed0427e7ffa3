package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    /** {@link LoadResults#good()} with {@code login} on Redis, Cloakroom a little ahead of Spring. */
    private static List<LoadResult> good() {
        List<LoadResult> results = new ArrayList<>(LoadResults.good());
        results.add(LoadResults.of(Variant.CLOAKROOM_REDIS, Endpoint.LOGIN, 16_000, 6, 1));
        results.add(LoadResults.of(Variant.BOOT40_REDIS, Endpoint.LOGIN, 15_000, 7, 2));
        return results;
    }

    @Test
    void resultsMeetingEveryTargetAreAllMarkedMet() {
        List<String> lines = Targets.load(good());

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("**met**"));
    }

    @Test
    void tooFewTimesSpringSessionJdbcIsMarkedMissedWithTheRatio() {
        List<LoadResult> results = new ArrayList<>(good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_DB && r.endpoint() == Endpoint.READ
                ? LoadResults.of(Variant.CLOAKROOM_DB, Endpoint.READ, 6_600, 8, 1) : r);

        assertThat(Targets.load(results)).anySatisfy(line -> assertThat(line)
                .startsWith("**missed**")
                .contains("`read`: 2.00× Spring Session 4.0 JDBC's req/s (target ≥ 3.0×)"));
    }

    @Test
    void theTargetsAreTodaysFactors() {
        List<String> lines = Targets.load(good());

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Cloakroom db (PostgreSQL) `incr`: 3.16× "
                + "Spring Session 4.0 JDBC's req/s (target ≥ 2.0×)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Cloakroom cache (Redis) `login`: 1.07× "
                + "Spring Session 4.0 Redis's req/s (target ≥ 1.0×)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Cloakroom cache (Redis) `incr`: 1.75× "
                + "Spring Session 4.0 Redis's req/s (target ≥ 1.5×)"));
    }

    @Test
    void javaCpuPerWriteRequestIsComparedWithTheRawHandlersOnEachStore() {
        assertThat(Targets.load(good())).contains("**met** — Cloakroom cache (Redis) `incr`: Java CPU 80.0 "
                + "µs/req vs 70.0 for raw Redis, 1.14× (target ≤ 1.2×)", "**met** — Cloakroom db "
                + "(PostgreSQL) `incr`: Java CPU 120.0 µs/req vs 110.0 for raw SQL, 1.09× (target ≤ 1.2×)");

        List<LoadResult> results = new ArrayList<>(good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_REDIS && r.endpoint() == Endpoint.INCR
                ? LoadResults.withCpu(Variant.CLOAKROOM_REDIS, Endpoint.INCR, 14_000, 6, 2, 102) : r);
        assertThat(Targets.load(results)).contains("**missed** — Cloakroom cache (Redis) `incr`: Java CPU "
                + "102.0 µs/req vs 70.0 for raw Redis, 1.46× (target ≤ 1.2×)");

        results.replaceAll(r -> r.variant() == Variant.RAW_SQL && r.endpoint() == Endpoint.INCR
                ? LoadResults.of(Variant.RAW_SQL, Endpoint.INCR, 6_300, 14, 2) : r);
        assertThat(Targets.load(results))
                .contains("not measured: Java CPU of Cloakroom db (PostgreSQL) vs raw on incr");
    }

    @Test
    void anExtraRoundTripIsMarkedMissed() {
        List<LoadResult> results = new ArrayList<>(good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_REDIS && r.endpoint() == Endpoint.READ
                ? LoadResults.of(Variant.CLOAKROOM_REDIS, Endpoint.READ, 18_000, 5, 2) : r);

        assertThat(Targets.load(results)).contains("**missed** — Cloakroom cache (Redis): "
                + "Redis commands for a read-only request = 2 (target 1)");
    }

    @Test
    void aSlowNoSessionEndpointIsMarkedMissed() {
        List<LoadResult> results = new ArrayList<>(good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_DB && r.endpoint() == Endpoint.NONE
                ? LoadResults.of(Variant.CLOAKROOM_DB, Endpoint.NONE, 45_000, 3, 0) : r);

        assertThat(Targets.load(results)).contains(
                "**missed** — Cloakroom db (PostgreSQL) `none` within 2% of the baseline: 90.0% of it");
    }
}
