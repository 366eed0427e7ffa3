package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.FixedRateDriver;
import dev.cloakroom.bench.load.LoadConfig;
import dev.cloakroom.bench.load.LoadHarness.OpenLoopResult;
import dev.cloakroom.bench.load.Variant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopTableTest {

    private static OpenLoopResult result(Variant v, double fraction, double rate, long unsent,
            long... micros) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (long m : micros) {
            h.recordValue(m);
        }
        long due = micros.length;
        return new OpenLoopResult(v, Endpoint.READ, fraction, new FixedRateDriver.Result(rate,
                1_000_000_000L, due, due - unsent, 0, unsent, h, 1_000_000_000L));
    }

    @Test
    void eachVariantAndRateIsARowWithPercentilesFromTheHistogram() {
        long[] fast = new long[1000];
        java.util.Arrays.fill(fast, 2_000);
        fast[999] = 250_000;
        List<OpenLoopResult> results = List.of(
                result(Variant.CLOAKROOM_REDIS, 0.5, 1000, 0, fast),
                result(Variant.BOOT40_JDBC, 0.8, 1000, 400, fast));

        String md = OpenLoopTable.markdown(results, LoadConfig.full());

        assertThat(md).startsWith("## Open loop: latency at a fixed rate")
                .contains("50% and 80% of Spring Session 4.0 Redis's wrk throughput")
                .contains("*intended* send time");
        assertThat(md).contains("| read | 50% | Cloakroom cache (Redis) | 1,000 | 1,000 | 2.00 | 2.00 | 2.00 "
                + "| 250.1 | yes |");
        assertThat(md).contains("| read | 80% | Spring Session 4.0 JDBC | 1,000 | 600 | 2.00 | 2.00 | 2.00 "
                + "| 250.1 | **no** (400 never sent) |");
    }

    @Test
    void nothingRunIsNoSection() {
        assertThat(OpenLoopTable.markdown(List.of(), LoadConfig.full())).isEmpty();
    }
}
