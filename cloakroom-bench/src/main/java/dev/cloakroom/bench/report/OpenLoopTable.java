package dev.cloakroom.bench.report;

import dev.cloakroom.bench.load.FixedRateDriver;
import dev.cloakroom.bench.load.LoadConfig;
import dev.cloakroom.bench.load.LoadHarness.OpenLoopResult;
import java.util.List;

/** The open-loop (fixed-rate) results as a Markdown section of {@code load.md}. */
public final class OpenLoopTable {

    private OpenLoopTable() {
    }

    /** The section: heading, units, one row per variant and rate. Empty when nothing ran. */
    public static String markdown(List<OpenLoopResult> results, LoadConfig config) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Open loop: latency at a fixed rate\n\n");
        sb.append("**Units.** Each variant in turn receives requests at a fixed rate, ")
                .append(percentages(config.openLoopFractions())).append(" of ")
                .append(LoadConfig.OPEN_LOOP_REFERENCE.label())
                .append("'s wrk throughput on the same endpoint in this run, for ")
                .append(config.openLoop().toSeconds()).append(" s, from the bench's fixed-rate driver (")
                .append(config.openLoopConnections()).append(" keep-alive connections, the model of wrk2). ")
                .append("Latency is measured from each request's *intended* send time, so time spent "
                        + "waiting for a free connection while the server is slow counts (corrected for "
                        + "coordinated omission, which wrk's closed loop is not); HdrHistogram, 3 "
                        + "significant digits. *answered req/s*: answers over the run and its drain; *kept "
                        + "up*: all requests sent and answered at 95% of the asked rate or more. Requests "
                        + "still unsent ")
                .append(config.openLoop().dividedBy(4).toMillis())
                .append(" ms after the schedule's end are counted as never sent and recorded at the time "
                        + "they had waited.\n\n");
        sb.append("| endpoint | rate | variant | asked req/s | answered req/s | p50 ms | p99 ms | p99.9 ms "
                + "| max ms | kept up |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (OpenLoopResult o : results) {
            FixedRateDriver.Result r = o.result();
            String keptUp = r.keptUp() ? "yes" : "**no**"
                    + (r.unsent() > 0 ? " (" + Numbers.grouped(r.unsent()) + " never sent)" : "");
            if (r.errors() > 0) {
                keptUp += ", " + r.errors() + " errors";
            }
            sb.append("| ").append(String.join(" | ", o.endpoint().path(),
                    Numbers.fixed(o.fraction() * 100, 0) + "%", o.variant().label(),
                    Numbers.grouped(r.targetRate()), Numbers.grouped(r.achievedRate()),
                    Numbers.fixed(r.millisAt(50), 2), Numbers.fixed(r.millisAt(99), 2),
                    Numbers.fixed(r.millisAt(99.9), 2),
                    Numbers.fixed(r.latencyMicros().getMaxValue() / 1000.0, 1), keptUp)).append(" |\n");
        }
        return sb.toString();
    }

    private static String percentages(List<Double> fractions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fractions.size(); i++) {
            if (i > 0) {
                sb.append(i == fractions.size() - 1 ? " and " : ", ");
            }
            sb.append(Numbers.fixed(fractions.get(i) * 100, 0)).append('%');
        }
        return sb.toString();
    }
}
