package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The performance targets, each checked against what was measured: one line per target, met or missed. */
public final class Targets {

    private Targets() {
    }

    /** Lines for the load targets. */
    public static List<String> load(List<LoadResult> results) {
        List<String> lines = new ArrayList<>();
        for (Variant v : List.of(Variant.CLOAKROOM_REDIS, Variant.CLOAKROOM_DB)) {
            String unit = v == Variant.CLOAKROOM_REDIS ? "Redis commands" : "SQL statements";
            lines.add(count(results, v, Endpoint.READ, 1, unit + " for a read-only request"));
            lines.add(count(results, v, Endpoint.INCR, 2, unit + " for a writing request"));
            lines.add(count(results, v, Endpoint.NONE, 0, unit
                    + " for a request that does not touch its session"));
        }
        for (Endpoint e : List.of(Endpoint.READ, Endpoint.INCR)) {
            lines.add(rival(results, Variant.CLOAKROOM_REDIS, e, 1.5));
            lines.add(rival(results, Variant.CLOAKROOM_DB, e, e == Endpoint.READ ? 3.0 : 2.0));
            lines.add(raw(results, Variant.CLOAKROOM_REDIS, e));
            lines.add(raw(results, Variant.CLOAKROOM_DB, e));
        }
        lines.add(rival(results, Variant.CLOAKROOM_REDIS, Endpoint.LOGIN, 1.0));
        for (Variant v : List.of(Variant.CLOAKROOM_REDIS, Variant.CLOAKROOM_DB)) {
            lines.add(rawCpu(results, v, Endpoint.INCR, 1.2));
        }
        for (Variant v : List.of(Variant.CLOAKROOM_REDIS, Variant.CLOAKROOM_DB)) {
            Optional<LoadResult> none = LoadTable.find(results, v, Endpoint.NONE);
            Optional<LoadResult> base = LoadTable.find(results, Variant.BASELINE, Endpoint.NONE);
            if (none.isPresent() && base.isPresent()) {
                double ratio = none.get().throughput() / base.get().throughput();
                lines.add(mark(ratio >= 0.98) + v.label() + " `none` within 2% of the baseline: "
                        + Numbers.fixed(ratio * 100, 1) + "% of it");
            }
        }
        return lines;
    }

    private static String count(List<LoadResult> results, Variant v, Endpoint e, double target, String what) {
        return LoadTable.find(results, v, e).map(r -> mark(Math.abs(r.storeRoundTrips() - target) < 0.005)
                + v.label() + ": " + what + " = " + Numbers.count(r.storeRoundTrips()) + " (target "
                + Numbers.count(target) + ")").orElse("not measured: " + v.label() + " " + e.path());
    }

    private static String rival(List<LoadResult> results, Variant v, Endpoint e, double factor) {
        Optional<LoadResult> mine = LoadTable.find(results, v, e);
        Variant rival = v.springRival();
        Optional<LoadResult> spring = LoadTable.find(results, rival, e);
        if (rival == null || mine.isEmpty() || spring.isEmpty()) {
            return "not measured: " + v.label() + " vs Spring on " + e.path();
        }
        double ratio = mine.get().throughput() / spring.get().throughput();
        boolean lowerP99 = mine.get().p99Millis() < spring.get().p99Millis();
        return mark(ratio >= factor && lowerP99) + v.label() + " `" + e.path() + "`: " + Numbers.ratio(ratio)
                + " " + rival.label() + "'s req/s (target ≥ " + Numbers.fixed(factor, 1)
                + "×), p99 " + Numbers.fixed(mine.get().p99Millis(), 2) + " vs "
                + Numbers.fixed(spring.get().p99Millis(), 2)
                + " ms (target lower)";
    }

    private static String raw(List<LoadResult> results, Variant v, Endpoint e) {
        Variant floor = v.rawFloor(e);
        Optional<LoadResult> mine = LoadTable.find(results, v, e);
        Optional<LoadResult> raw = floor == null ? Optional.empty() : LoadTable.find(results, floor, e);
        if (floor == null || mine.isEmpty() || raw.isEmpty()) {
            return "not measured: " + v.label() + " vs raw on " + e.path();
        }
        double ratio = mine.get().throughput() / raw.get().throughput();
        return mark(ratio >= 0.9) + v.label() + " `" + e.path() + "` within 10% of " + floor.label() + ": "
                + Numbers.fixed(ratio * 100, 1) + "% of its req/s";
    }

    /** The serving JVM's CPU per request within {@code factor} times the raw handler's. */
    private static String rawCpu(List<LoadResult> results, Variant v, Endpoint e, double factor) {
        Variant floor = v.rawFloor(e);
        Optional<LoadResult> mine = LoadTable.find(results, v, e);
        Optional<LoadResult> raw = floor == null ? Optional.empty() : LoadTable.find(results, floor, e);
        if (floor == null || mine.isEmpty() || raw.isEmpty() || Double.isNaN(mine.get().cpuMicrosPerRequest())
                || Double.isNaN(raw.get().cpuMicrosPerRequest())) {
            return "not measured: Java CPU of " + v.label() + " vs raw on " + e.path();
        }
        double ratio = mine.get().cpuMicrosPerRequest() / raw.get().cpuMicrosPerRequest();
        return mark(ratio <= factor) + v.label() + " `" + e.path() + "`: Java CPU "
                + Numbers.fixed(mine.get().cpuMicrosPerRequest(), 1) + " µs/req vs "
                + Numbers.fixed(raw.get().cpuMicrosPerRequest(), 1) + " for " + floor.label() + ", "
                + Numbers.ratio(ratio) + " (target ≤ " + Numbers.fixed(factor, 1) + "×)";
    }

    static String mark(boolean met) {
        return met ? "**met** — " : "**missed** — ";
    }
}
