package dev.cloakroom.bench.soak;

import java.util.Locale;
import java.util.Map;

/** The soak's results as Markdown ({@code soak.md}). */
public final class SoakReport {

    private SoakReport() {
    }

    /** The report: verdict, judged measures, failures, then every sample. */
    public static String markdown(SoakRun.Result result, SoakRun.Config config, String database,
            String command, String machine) {
        StringBuilder md = new StringBuilder("# Soak\n\n");
        md.append(result.passed() ? "**Passed**: nothing grew after the warm-up.\n\n" : "**Failed**:\n\n");
        result.problems().forEach(p -> md.append("- ").append(p).append('\n'));
        if (!result.passed()) {
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "`%s`: the demo app (engine `db` on %s) in its own JVM with "
                + "a fixed, pre-touched %s heap; %d clients (own cookies each) reading, writing, logging in "
                + "and out over HTTP for %d s; a sample every %d s, the first %d s are warm-up. %s.%n%n",
                command, database, config.heap(), config.clients(), config.duration().toSeconds(),
                config.interval().toSeconds(), config.warmUp().toSeconds(), machine));
        md.append(String.format(Locale.ROOT, "Requests: %,d (%.0f/s), failed: %d, took a second or more: %d, "
                + "slowest: %,d ms%n%n", result.requests(),
                result.requests() / (double) Math.max(1, config.duration().toSeconds()),
                result.failures().values().stream().mapToLong(Long::longValue).sum(), result.slowRequests(),
                result.slowestMillis()));
        for (Map.Entry<String, Long> failure : result.failures().entrySet()) {
            md.append("- ").append(failure.getKey()).append(": ").append(failure.getValue()).append('\n');
        }
        if (!result.failures().isEmpty()) {
            md.append('\n');
        }
        md.append("Growth after the warm-up (median of the last third of the samples against the first "
                + "third):\n\n");
        result.verdicts().forEach(v -> md.append("- ").append(v.describe()).append('\n'));
        md.append('\n').append(SoakSample.HEADER).append('\n')
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        result.samples().forEach(s -> md.append(s.row()).append('\n'));
        return md.toString();
    }
}
