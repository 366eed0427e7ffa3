package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void resultsMeetingEveryTargetAreAllMarkedMet() {
        List<String> lines = Targets.load(LoadResults.good());

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("**met**"));
    }

    @Test
    void tooFewTimesSpringSessionJdbcIsMarkedMissedWithTheRatio() {
        List<LoadResult> results = new ArrayList<>(LoadResults.good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_DB && r.endpoint() == Endpoint.READ
                ? LoadResults.of(Variant.CLOAKROOM_DB, Endpoint.READ, 6_600, 8, 1) : r);

        assertThat(Targets.load(results)).anySatisfy(line -> assertThat(line)
                .startsWith("**missed**")
                .contains("`read`: 2.00× Spring Session 4.0 JDBC's req/s (target ≥ 3.0×)"));
    }

    @Test
    void anExtraRoundTripIsMarkedMissed() {
        List<LoadResult> results = new ArrayList<>(LoadResults.good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_REDIS && r.endpoint() == Endpoint.READ
                ? LoadResults.of(Variant.CLOAKROOM_REDIS, Endpoint.READ, 18_000, 5, 2) : r);

        assertThat(Targets.load(results)).contains("**missed** — Cloakroom cache (Redis): "
                + "Redis commands for a read-only request = 2 (target 1)");
    }

    @Test
    void aSlowNoSessionEndpointIsMarkedMissed() {
        List<LoadResult> results = new ArrayList<>(LoadResults.good());
        results.replaceAll(r -> r.variant() == Variant.CLOAKROOM_DB && r.endpoint() == Endpoint.NONE
                ? LoadResults.of(Variant.CLOAKROOM_DB, Endpoint.NONE, 45_000, 3, 0) : r);

        assertThat(Targets.load(results)).contains(
                "**missed** — Cloakroom db (PostgreSQL) `none` within 2% of the baseline: 90.0% of it");
    }
}
