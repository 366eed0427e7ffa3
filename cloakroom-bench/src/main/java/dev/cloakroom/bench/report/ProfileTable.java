package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.ProfileResult;
import dev.cloakroom.bench.load.ProfileRun;
import dev.cloakroom.bench.load.Variant;
import dev.cloakroom.bench.profile.Stages;
import dev.cloakroom.bench.profile.ThreadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The profile run as Markdown ({@code profile.md}): per endpoint, each variant's CPU per request split into
 * stages, then what makes up Cloakroom's difference from the raw floor, then each variant's hottest methods.
 */
public final class ProfileTable {

    /** Rows after the stages: CPU outside the request threads' Java code. */
    private static final String KERNEL = "kernel: request threads' system calls";
    private static final String UNATTRIBUTED = "threads that ended during the run";

    /** How many sampled methods each variant lists. */
    static final int TOP_METHODS = 15;

    private ProfileTable() {
    }

    /**
     * The whole file.
     *
     * @param results {@link ProfileRun}'s results
     * @param config how it ran
     * @param info the run's header
     * @param wrkVersion wrk's version, for the units
     */
    public static String markdown(List<ProfileResult> results, ProfileRun.Config config, RunInfo info,
            String wrkVersion) {
        StringBuilder sb = new StringBuilder("# Where the CPU goes: Cloakroom vs the raw floor (JFR)\n\n");
        sb.append(info.markdown()).append('\n');
        sb.append(units(config, wrkVersion)).append('\n');
        sb.append(differences(results)).append('\n');
        for (Endpoint e : ProfileRun.ENDPOINTS) {
            List<ProfileResult> row = results.stream().filter(r -> r.endpoint() == e).toList();
            if (!row.isEmpty()) {
                sb.append(endpoint(e, row)).append('\n');
            }
        }
        sb.append(methods(results));
        return sb.toString();
    }

    static String units(ProfileRun.Config config, String wrkVersion) {
        return "**Units.** Each variant in turn, endpoint by endpoint, after a " + config.warmUp().toSeconds()
                + " s warm-up: one " + config.measure().toSeconds() + " s run of `" + wrkVersion + "` with "
                + config.threads() + " threads and " + config.connections() + " keep-alive connections on "
                + "loopback, under a JFR recording made in the bench app's JVM (JFR's `profile` settings, "
                + "`jdk.ExecutionSample` every " + config.samplePeriod().toMillis() + " ms; one recording "
                + "from the first warm-up to the end, since starting or stopping one makes the JIT recompile "
                + "what JFR instruments, and only the samples of the measured run counted). "
                + "*Java CPU µs/req*: the CPU time (user + system) of the bench app's JVM while wrk ran, "
                + "divided by the requests wrk completed; only that JVM counts: wrk, Redis and PostgreSQL "
                + "are processes of their own. *store server CPU µs/req*: the CPU time of the store's "
                + "server processes over the same run, per request: the bench's own Redis, or every "
                + "PostgreSQL process (the bench is PostgreSQL's only client while it runs). *Java CPU* "
                + "includes JFR's own work, so it is somewhat above the load run's figure. Each thread's "
                + "CPU time comes from Linux (`/proc/self/task`): the request threads' (Jetty's `qtp` "
                + "pool, Lettuce/Netty, HikariCP) *user* time is split into stages by the share of their "
                + "execution samples in each stage; their *system* time (socket reads and writes, futexes) "
                + "is its own row, as are GC, the JIT compilers, JFR and other threads. A sample belongs "
                + "to the stage of its innermost frame that a rule matches (first rule first): "
                + rules()
                + "; *other*: no frame matched. *samples*: the request threads' execution samples (threads "
                + "in Java code; a thread in a system call is not sampled). Sampling has its bias and "
                + "noise: read stages below ~2 µs/req as zero.\n";
    }

    private static String rules() {
        StringBuilder sb = new StringBuilder();
        for (Stages.Rule rule : Stages.RULES) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append("*").append(rule.stage()).append("* `").append(rule.pattern().pattern()).append('`');
        }
        return sb.toString();
    }

    /** One endpoint: a column per variant, a row per stage and kind of thread. */
    static String endpoint(Endpoint e, List<ProfileResult> results) {
        StringBuilder sb = new StringBuilder("## `" + e.path() + "`\n\n");
        sb.append("| µs/req (share of samples) |");
        StringBuilder rule = new StringBuilder("|---|");
        for (ProfileResult r : results) {
            sb.append(' ').append(r.variant().label()).append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        line(sb, "req/s", results, r -> Numbers.grouped(r.throughput()));
        line(sb, "**Java CPU µs/req**", results,
                r -> "**" + Numbers.fixed(r.cpuMicrosPerRequest(), 1) + "**");
        line(sb, "× raw CPU", results, r -> rawRatio(results, r));
        line(sb, "store server CPU µs/req", results, r -> Numbers.fixed(r.storeCpuMicrosPerRequest(), 1));
        line(sb, "samples", results, r -> Numbers.grouped(r.counts().samples()));
        for (Map.Entry<String, ToDoubleFunction<ProfileResult>> row : rows().entrySet()) {
            line(sb, row.getKey(), results, r -> cell(r, row.getKey(), row.getValue()));
        }
        sb.append("\n*Other threads*, the busiest: ");
        sb.append(String.join("; ", results.stream().map(r -> r.variant().label() + " "
                + (r.otherThreads().isEmpty() ? "none" : r.otherThreads().entrySet().stream()
                        .map(t -> "`" + t.getKey() + "` " + Numbers.fixed(t.getValue() / 1000.0
                                / Math.max(1, r.wrk().requests()), 1))
                        .collect(java.util.stream.Collectors.joining(", ")))).toList()));
        sb.append(" (µs/req; names as Linux keeps them, cut to 15 characters).\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, List<ProfileResult> results,
            java.util.function.Function<ProfileResult, String> cell) {
        sb.append("| ").append(label).append(" |");
        for (ProfileResult r : results) {
            sb.append(' ').append(cell.apply(r)).append(" |");
        }
        sb.append('\n');
    }

    private static String cell(ProfileResult r, String row, ToDoubleFunction<ProfileResult> micros) {
        String value = Numbers.fixed(micros.applyAsDouble(r), 1);
        if (r.counts().byStage().containsKey(row)) {
            value += " (" + Numbers.fixed(r.counts().share(row) * 100, 1) + "%)";
        }
        return value;
    }

    /** The rows of the breakdown, µs/req: the stages, then the CPU outside the request threads' Java code. */
    static Map<String, ToDoubleFunction<ProfileResult>> rows() {
        Map<String, ToDoubleFunction<ProfileResult>> rows = new LinkedHashMap<>();
        for (String stage : Stages.names()) {
            rows.put(stage, r -> r.stageMicros(stage));
        }
        rows.put(KERNEL, ProfileResult::servingSystemMicros);
        for (ThreadKind k : List.of(ThreadKind.GC, ThreadKind.JIT, ThreadKind.JFR, ThreadKind.OTHER)) {
            rows.put(k.label(), r -> r.micros(k));
        }
        rows.put(UNATTRIBUTED, ProfileResult::unattributedMicros);
        return rows;
    }

    private static String rawRatio(List<ProfileResult> results, ProfileResult r) {
        return raw(results, r).map(raw -> Numbers.ratio(r.cpuMicrosPerRequest() / raw.cpuMicrosPerRequest()))
                .orElse("");
    }

    private static Optional<ProfileResult> raw(List<ProfileResult> results, ProfileResult r) {
        Variant floor = r.variant().rawFloor(r.endpoint());
        return results.stream().filter(x -> x.variant() == floor && x.endpoint() == r.endpoint()).findFirst();
    }

    /**
     * One line per endpoint and store: Cloakroom's CPU per request minus the raw floor's, and the rows that
     * make up the difference, largest first (those of at least 1 µs/req either way).
     */
    static String differences(List<ProfileResult> results) {
        StringBuilder sb = new StringBuilder("## Cloakroom minus raw\n\n");
        for (Endpoint e : ProfileRun.ENDPOINTS) {
            for (ProfileResult mine : results) {
                if (mine.endpoint() != e || mine.variant().rawFloor(e) == null) {
                    continue;
                }
                Optional<ProfileResult> raw = raw(results, mine);
                if (raw.isEmpty()) {
                    continue;
                }
                sb.append("- ").append(differenceLine(mine, raw.get())).append('\n');
            }
        }
        return sb.toString();
    }

    static String differenceLine(ProfileResult mine, ProfileResult raw) {
        double total = mine.cpuMicrosPerRequest() - raw.cpuMicrosPerRequest();
        List<Map.Entry<String, Double>> parts = new ArrayList<>();
        rows().forEach((row, micros) -> parts.add(Map.entry(row, micros.applyAsDouble(mine)
                - micros.applyAsDouble(raw))));
        parts.sort(Comparator.comparingDouble((Map.Entry<String, Double> p) -> -Math.abs(p.getValue())));
        StringBuilder sb = new StringBuilder("`" + mine.endpoint().path() + "`, " + mine.variant().label()
                + " − " + raw.variant().label() + ": " + Numbers.fixed(mine.cpuMicrosPerRequest(), 1) + " − "
                + Numbers.fixed(raw.cpuMicrosPerRequest(), 1) + " = " + signed(total) + " µs/req");
        String sep = ": ";
        for (Map.Entry<String, Double> p : parts) {
            if (Math.abs(p.getValue()) >= 1) {
                sb.append(sep).append(p.getKey()).append(' ').append(signed(p.getValue()));
                sep = ", ";
            }
        }
        return sb.toString();
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "−") + Numbers.fixed(Math.abs(v), 1);
    }

    /** Each variant's most sampled methods (self time), per endpoint. */
    static String methods(List<ProfileResult> results) {
        StringBuilder sb = new StringBuilder("## Hottest methods (self time)\n\nThe " + TOP_METHODS
                + " methods the request threads were most often sampled in, as % of the variant's samples on "
                + "that endpoint.\n\n");
        for (ProfileResult r : results) {
            sb.append("### `").append(r.endpoint().path()).append("`, ").append(r.variant().label())
                    .append("\n\n| method | % of samples |\n|---|---:|\n");
            r.counts().byMethod().entrySet().stream().limit(TOP_METHODS).forEach(m -> sb.append("| `")
                    .append(m.getKey()).append("` | ").append(Numbers.fixed(100.0 * m.getValue()
                            / Math.max(1, r.counts().samples()), 1)).append(" |\n"));
            sb.append('\n');
        }
        return sb.toString();
    }
}
