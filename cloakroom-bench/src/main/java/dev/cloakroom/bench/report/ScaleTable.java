package dev.cloakroom.bench.report;

import dev.cloakroom.bench.load.FixedRateDriver;
import dev.cloakroom.bench.load.ScaleRun;
import dev.cloakroom.bench.load.WrkResult;
import java.util.List;
import java.util.Optional;

/** The scale run as Markdown ({@code scale.md}). */
public final class ScaleTable {

    private ScaleTable() {
    }

    /** The whole file; {@code notRun} lists the sizes that were not measured, and why. */
    public static String markdown(ScaleRun.Result result, ScaleRun.Config config, int connections,
            RunInfo info, String notRun) {
        StringBuilder sb = new StringBuilder(
                "# Scale: Cloakroom db on PostgreSQL with many stored sessions\n\n");
        sb.append(info.markdown()).append('\n');
        sb.append("**Units.** p50 / p99: wrk latency percentiles in ms, ").append(connections)
                .append(" connections, ").append(config.measure().toSeconds())
                .append(" s per endpoint and size; *live rows*: unexpired sessions in `django_session` "
                        + "(filled with `generate_series`; wrk's own sessions are made through the login "
                        + "endpoint on top). Cleanup: `clearExpired()` (what `clearsessions` runs: batched "
                        + "`DELETE`s of `clearExpiredBatchSize` rows, `clearExpiredPause` apart) "
                        + "over the expired rows while reads come at a fixed rate, half the read req/s "
                        + "measured at that size (the bench's fixed-rate driver, 100 connections; latency "
                        + "from each request's intended send time, so a stall counts as the queue it "
                        + "builds), in windows of ")
                .append(config.window().toSeconds())
                .append(" s, against two windows without cleanup just before; *worst* is the highest p99 of "
                        + "the windows, *median* their median; *answered req/s* are the reads answered "
                        + "per second.\n\n");
        sb.append("| live rows | read req/s | read p50 | read p99 | incr req/s | incr p50 | incr p99 |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScaleRun.SizeResult s : result.sizes()) {
            sb.append("| ").append(Numbers.grouped(s.liveRows()));
            for (WrkResult w : List.of(s.read(), s.incr())) {
                sb.append(" | ").append(Numbers.grouped(w.throughput())).append(" | ")
                        .append(ms(w.p50Micros())).append(" | ").append(ms(w.p99Micros()));
            }
            sb.append(" |\n");
        }
        if (!notRun.isEmpty()) {
            sb.append("\nNot run: ").append(notRun).append('\n');
        }
        if (!result.cleanups().isEmpty()) {
            sb.append("\n## Cleanup under load\n\n");
            sb.append("| live rows | expired rows | batches | deleted | cleanup s | rows/s | reads/s asked "
                    + "| read p99 without (worst window) | read p99 during (worst window) | ratio "
                    + "| read p99 during (median window) | answered req/s without "
                    + "| answered req/s during |\n");
            sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ScaleRun.CleanupResult c : result.cleanups()) {
                cleanup(sb, c);
            }
            sb.append("\nWhat PostgreSQL ran in the background during the windows (autovacuum workers "
                    + "sampled every 100 ms, checkpoints from `pg_stat_bgwriter`; before the windows without "
                    + "cleanup the run waits for background work to end and reads for one unmeasured "
                    + "window):\n\n");
            for (ScaleRun.CleanupResult c : result.cleanups()) {
                sb.append("- ").append(pause(c)).append(": without cleanup ")
                        .append(c.backgroundWithout().isEmpty() ? "nothing" : c.backgroundWithout())
                        .append("; during ").append(c.backgroundDuring().isEmpty() ? "nothing"
                                : c.backgroundDuring()).append('\n');
            }
            sb.append("\nEvery window's read p99 (ms), in order, and the p99 of all the reads of each phase "
                    + "together (a worst window of many is the maximum of more samples than one of "
                    + "two):\n\n");
            for (ScaleRun.CleanupResult c : result.cleanups()) {
                sb.append("- ").append(pause(c)).append(": without ").append(windows(c.without()))
                        .append(" (all: ").append(Numbers.fixed(overall(c.without()), 2)).append("); during ")
                        .append(windows(c.during())).append(" (all: ")
                        .append(Numbers.fixed(overall(c.during()), 2)).append(", ")
                        .append(Numbers.ratio(overall(c.during()) / overall(c.without()))).append(")\n");
            }
        }
        sb.append("\n## Targets\n\n");
        targets(sb, result.sizes(), result.cleanups());
        return sb.toString();
    }

    private static void cleanup(StringBuilder sb, ScaleRun.CleanupResult c) {
        double base = worst(c.without());
        double during = worst(c.during());
        sb.append("| ").append(Numbers.grouped(c.liveRows())).append(" | ")
                .append(Numbers.grouped(c.expiredRows())).append(" | ").append(pause(c)).append(" | ")
                .append(Numbers.grouped(c.deleted()))
                .append(" | ").append(Numbers.fixed(c.seconds(), 1))
                .append(" | ").append(Numbers.grouped(c.rowsPerSecond())).append(" | ")
                .append(Numbers.grouped(c.rate())).append(" | ")
                .append(Numbers.fixed(base, 2)).append(" | ").append(Numbers.fixed(during, 2)).append(" | ")
                .append(Numbers.ratio(during / base))
                .append(" | ").append(Numbers.fixed(median(c.during()), 2))
                .append(" | ").append(Numbers.grouped(mean(c.without())))
                .append(" | ").append(Numbers.grouped(mean(c.during()))).append(" |\n");
    }

    private static void targets(StringBuilder sb, List<ScaleRun.SizeResult> sizes,
            List<ScaleRun.CleanupResult> cleanups) {
        Optional<ScaleRun.SizeResult> small = sizes.stream().filter(s -> s.liveRows() == 10_000).findFirst();
        Optional<ScaleRun.SizeResult> big =
                sizes.stream().filter(s -> s.liveRows() == 10_000_000).findFirst();
        if (small.isPresent() && big.isPresent()) {
            target(sb, "read", small.get().read(), big.get().read());
            target(sb, "incr", small.get().incr(), big.get().incr());
        } else {
            sb.append("- not measured: 10 million vs 10 thousand sessions (run with `--scale=10k,1m,10m`)\n");
        }
        for (ScaleRun.CleanupResult cleanup : cleanups) {
            double ratio = worst(cleanup.during()) / worst(cleanup.without());
            sb.append("- ").append(Targets.mark(ratio <= 1.5)).append("cleanup in batches of ")
                    .append(pause(cleanup)).append(" keeps the read p99 (worst window) at ")
                    .append(Numbers.ratio(ratio)).append(" its value without cleanup (target ≤ 1.5×), "
                            + "deleting ").append(Numbers.grouped(cleanup.rowsPerSecond()))
                    .append(" rows/s\n");
        }
    }

    private static void target(StringBuilder sb, String endpoint, WrkResult small, WrkResult big) {
        double ratio = (double) big.p99Micros() / small.p99Micros();
        sb.append("- ").append(Targets.mark(ratio <= 1.2)).append(endpoint).append(" p99 at 10M rows is ")
                .append(Numbers.ratio(ratio)).append(" the 10k figure (target ≤ 1.2×)\n");
    }

    private static String ms(long micros) {
        return Numbers.fixed(micros / 1000.0, 2);
    }

    private static String pause(ScaleRun.CleanupResult c) {
        return c.pacing().label();
    }

    private static double median(List<FixedRateDriver.Result> runs) {
        double[] p99 = runs.stream().mapToDouble(r -> r.millisAt(99)).sorted().toArray();
        if (p99.length == 0) {
            return 0;
        }
        int mid = p99.length / 2;
        return p99.length % 2 == 1 ? p99[mid] : (p99[mid - 1] + p99[mid]) / 2.0;
    }

    private static String windows(List<FixedRateDriver.Result> runs) {
        return String.join(", ", runs.stream().map(r -> Numbers.fixed(r.millisAt(99), 1)).toList());
    }

    /** The p99 of every read of {@code runs} together, in milliseconds. */
    private static double overall(List<FixedRateDriver.Result> runs) {
        if (runs.isEmpty()) {
            return 0;
        }
        org.HdrHistogram.Histogram all = runs.get(0).latencyMicros().copy();
        for (int i = 1; i < runs.size(); i++) {
            all.add(runs.get(i).latencyMicros());
        }
        return all.getValueAtPercentile(99) / 1000.0;
    }

    private static double worst(List<FixedRateDriver.Result> runs) {
        return runs.stream().mapToDouble(r -> r.millisAt(99)).max().orElse(0);
    }

    private static double mean(List<FixedRateDriver.Result> runs) {
        return runs.stream().mapToDouble(FixedRateDriver.Result::achievedRate).average().orElse(0);
    }
}
