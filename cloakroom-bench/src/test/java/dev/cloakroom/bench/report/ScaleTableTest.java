package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.load.FixedRateDriver;
import dev.cloakroom.bench.load.ScaleRun;
import dev.cloakroom.bench.load.WrkResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ScaleTableTest {

    private static final RunInfo IDLE = new RunInfo(Instant.parse("2026-01-01T00:00:00Z"), "full",
            "scripts/bench --scale=10k,1m,10m", 0.1, 8.0, 9.0, List.of("2 cores"));
    private static final ScaleRun.Config CONFIG = new ScaleRun.Config(
            List.of(10_000L, 1_000_000L, 10_000_000L),
            Duration.ofSeconds(10), Duration.ofSeconds(5), 1_000_000L, 1_000_000L,
            List.of(new ScaleRun.Pacing(10_000, Duration.ZERO),
                    new ScaleRun.Pacing(1_000, Duration.ofMillis(250))));

    /** Ten seconds of wrk at 20,000 req/s with this p99. */
    private static WrkResult p99(double millis) {
        long micros = (long) (millis * 1000);
        return new WrkResult(200_000, 10_000_000, 0, micros / 5, micros / 2, micros, micros * 2, micros * 3);
    }

    /**
     * One second of reads at 10,000 req/s, all answered in {@code millis} (HdrHistogram reports the top of
     * the value's bucket: 12 ms reads back as 12.007).
     */
    private static FixedRateDriver.Result window(double millis) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        h.recordValueWithCount((long) (millis * 1000), 10_000);
        return new FixedRateDriver.Result(10_000, 1_000_000_000L, 10_000, 10_000, 0, 0, h, 1_000_000_000L);
    }

    private static ScaleRun.Result result() {
        List<ScaleRun.SizeResult> sizes = List.of(
                new ScaleRun.SizeResult(10_000, p99(10), p99(30)),
                new ScaleRun.SizeResult(1_000_000, p99(11), p99(33)),
                new ScaleRun.SizeResult(10_000_000, p99(13), p99(30)));
        List<FixedRateDriver.Result> without = List.of(window(10), window(12));
        return new ScaleRun.Result(sizes, List.of(
                new ScaleRun.CleanupResult(1_000_000, 1_000_000,
                        new ScaleRun.Pacing(10_000, Duration.ZERO), 5_000, 1_000_000, 30.0, without,
                        List.of(window(20), window(90), window(30)), "", "autovacuum worker: x"),
                new ScaleRun.CleanupResult(1_000_000, 1_000_000,
                        new ScaleRun.Pacing(1_000, Duration.ofMillis(250)), 5_000, 1_000_000, 50.0,
                        without, List.of(window(14), window(17), window(16), window(16)), "1 checkpoint(s)",
                        "")));
    }

    @Test
    void eachCleanupIsARowWithItsPauseWorstAndMedianWindow() {
        String table = ScaleTable.markdown(result(), CONFIG, 50, IDLE, "");

        assertThat(table).contains("| 1,000,000 | 1,000,000 | 10,000 rows, no pause | 1,000,000 | 30.0 "
                + "| 33,333 | 5,000 | 12.01 | 90.05 | 7.50× | 30.02 | 10,000 | 10,000 |");
        assertThat(table).contains("| 1,000,000 | 1,000,000 | 1,000 rows, 250 ms apart | 1,000,000 | 50.0 "
                + "| 20,000 | 5,000 | 12.01 | 17.01 | 1.42× | 16.01 |");
        assertThat(table).contains("- 10,000 rows, no pause: without 10.0, 12.0 (all: 12.01); during "
                + "20.0, 90.0, 30.0 (all: 90.05, 7.50×)");
        assertThat(table).contains("- 10,000 rows, no pause: without cleanup nothing; during autovacuum "
                + "worker: x").contains("- 1,000 rows, 250 ms apart: without cleanup 1 checkpoint(s); during "
                + "nothing");
    }

    @Test
    void targetsAreJudgedPerSizeAndPerCleanup() {
        String table = ScaleTable.markdown(result(), CONFIG, 50, IDLE, "");

        assertThat(table).contains("read p99 at 10M rows is 1.30× the 10k figure (target ≤ 1.2×)");
        assertThat(table).contains("incr p99 at 10M rows is 1.00× the 10k figure (target ≤ 1.2×)");
        assertThat(table).containsPattern("missed\\W+cleanup in batches of 10,000 rows, no pause keeps the "
                + "read p99 \\(worst window\\) at 7.50×");
        assertThat(table).containsPattern("met\\W+cleanup in batches of 1,000 rows, 250 ms apart keeps the "
                + "read p99 \\(worst window\\) at 1.42× its value without cleanup \\(target ≤ 1.5×\\), "
                + "deleting 20,000 rows/s");
    }
}
