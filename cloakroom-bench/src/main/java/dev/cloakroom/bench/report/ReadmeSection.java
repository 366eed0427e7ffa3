package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.FixedRateDriver;
import dev.cloakroom.bench.load.LoadHarness.OpenLoopResult;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import java.util.List;
import java.util.Optional;

/**
 * The README's summary of a full load run, written between {@link #BEGIN} and {@link #END} in
 * {@code README.md} by the run that produced {@code bench/results/load.md}: the machine, the load average
 * before the run, the versions compared, the closed-loop table of the main variants and the open-loop
 * percentiles. Everything else in the README's Performance section is prose that does not hold numbers
 * of a particular run.
 */
public final class ReadmeSection {

    /** The line that opens the generated part. */
    public static final String BEGIN = "<!-- bench:load:begin (written by scripts/bench; do not edit) -->";
    /** The line that closes it. */
    public static final String END = "<!-- bench:load:end -->";

    private static final List<Variant> COLUMNS = List.of(Variant.CLOAKROOM_REDIS, Variant.BOOT40_REDIS,
            Variant.BOOT40_REDIS_INDEXED, Variant.BOOT35_REDIS, Variant.RAW_REDIS, Variant.CLOAKROOM_DB,
            Variant.BOOT40_JDBC, Variant.BOOT35_JDBC, Variant.RAW_SQL);

    private ReadmeSection() {
    }

    /** The generated part, markers included. */
    public static String markdown(List<LoadResult> results, List<OpenLoopResult> openLoop, RunInfo info) {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        sb.append("Latest full run: ").append(info.started().toString(), 0, 10).append(", `")
                .append(info.command()).append("`, load average ")
                .append(Numbers.fixed(info.loadBeforeRun(), 2)).append(" before it started")
                .append(info.loadBeforeRun() > 1.5 ? " (**a busy machine: rerun before quoting**)" : "")
                .append("; `bench/results/load.md`.\n");
        for (String line : info.machine()) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append('\n');
        sb.append("| req/s (p99 ms) |");
        for (Variant v : COLUMNS) {
            sb.append(' ').append(v.label()).append(" |");
        }
        sb.append("\n|---|").append("---:|".repeat(COLUMNS.size())).append('\n');
        for (Endpoint e : List.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN)) {
            sb.append("| ").append(e.path()).append(" |");
            for (Variant v : COLUMNS) {
                Optional<LoadResult> r = LoadTable.find(results, v, e);
                sb.append(' ').append(r.map(x -> Numbers.grouped(x.throughput()) + " ("
                        + Numbers.fixed(x.p99Millis(), 1) + ")").orElse("")).append(" |");
            }
            sb.append('\n');
        }
        sb.append("| round trips read / incr / login |");
        for (Variant v : COLUMNS) {
            StringBuilder trips = new StringBuilder();
            for (Endpoint e : List.of(Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN)) {
                trips.append(trips.length() > 0 ? " / " : "").append(LoadTable.find(results, v, e)
                        .map(x -> Numbers.count(x.storeRoundTrips())).orElse("–"));
            }
            sb.append(' ').append(trips).append(" |");
        }
        sb.append('\n');
        if (!openLoop.isEmpty()) {
            sb.append("\nOpen loop (fixed rate, latency from the intended send time), `read`, p50 / p99 / "
                    + "p99.9 ms:\n\n| rate |");
            List<Double> fractions = openLoop.stream().map(OpenLoopResult::fraction).distinct().toList();
            for (Variant v : COLUMNS) {
                sb.append(' ').append(v.label()).append(" |");
            }
            sb.append("\n|---|").append("---:|".repeat(COLUMNS.size())).append('\n');
            for (double f : fractions) {
                double rate = openLoop.stream().filter(o -> o.fraction() == f).findFirst()
                        .map(o -> o.result().targetRate()).orElse(0.0);
                sb.append("| ").append(Numbers.fixed(f * 100, 0)).append("% (")
                        .append(Numbers.grouped(rate)).append("/s) |");
                for (Variant v : COLUMNS) {
                    Optional<OpenLoopResult> o = openLoop.stream().filter(x -> x.variant() == v
                            && x.fraction() == f && x.endpoint() == Endpoint.READ).findFirst();
                    sb.append(' ').append(o.map(x -> cell(x.result())).orElse("")).append(" |");
                }
                sb.append('\n');
            }
        }
        sb.append(END);
        return sb.toString();
    }

    private static String cell(FixedRateDriver.Result r) {
        return Numbers.fixed(r.millisAt(50), 1) + " / " + Numbers.fixed(r.millisAt(99), 1) + " / "
                + Numbers.fixed(r.millisAt(99.9), 1) + (r.keptUp() ? "" : " (fell behind)");
    }

    /**
     * {@code readme} with the text between the markers replaced by {@code section}.
     *
     * @throws IllegalArgumentException if the README lacks the markers
     */
    public static String replace(String readme, String section) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README.md has no " + BEGIN + " ... " + END + " block");
        }
        return readme.substring(0, begin) + section + readme.substring(end + END.length());
    }
}
