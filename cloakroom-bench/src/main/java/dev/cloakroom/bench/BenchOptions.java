package dev.cloakroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link BenchMain}.
 *
 * @param quick short runs, to try the harness (numbers indicative only)
 * @param parts which of {@code micro}, {@code load} run
 * @param scaleSizes live-session counts of the scale run; empty when it does not run
 * @param out where the results go
 * @param redis the Redis the load harness uses; the bench's own instance, since counting commands needs a
 *     Redis no one else uses
 * @param pg the PostgreSQL database the load harness uses (created if missing)
 * @param wrk the wrk executable
 * @param python the Python that has Django
 * @param command how the run was started, for the results' header
 * @param loadBeforeRun the 1-minute load average before the run started anything (before the build and the
 *     servers), which tells whether the machine was busy with other work; -1 to take it when this JVM starts
 * @param soak how long the soak runs, or null when it does not (then nothing else runs unless asked)
 * @param soakOnPostgres whether the soak's demo keeps its sessions in PostgreSQL ({@code pg}'s server)
 *     rather than SQLite
 * @param features whether the feature-cost run runs ({@code features.md}): Cloakroom on Redis without and
 *     with idle/absolute expiry and with metrics, and JMH's {@code MetricsBenchmark}; nothing else then runs
 *     unless asked
 * @param profile whether the CPU profile run runs ({@code profile.md}): Cloakroom and the raw floor on Redis
 *     and PostgreSQL under JFR; nothing else then runs unless asked
 */
public record BenchOptions(boolean quick, Set<String> parts, List<Long> scaleSizes, Path out, String redis,
        String pg, String wrk, String python, String command, double loadBeforeRun, @Nullable Duration soak,
        boolean soakOnPostgres, boolean features, boolean profile) {

    static final String USAGE = """
            Usage: BenchMain [--quick] [--only=micro,load] [--scale[=10k,1m,10m]] [--out=bench/results]
                             [--redis=redis://127.0.0.1:6390/0]
                             [--pg=jdbc:postgresql://127.0.0.1:5432/cloakroom_bench?user=postgres]
                             [--wrk=wrk] [--python=/usr/bin/python3] [--command=TEXT]
                             [--load-before-run=LOADAVG] [--soak[=10m]] [--soak-db=sqlite|postgresql]
                             [--features] [--profile]
              --quick   short runs to try everything (about 3 minutes); numbers are indicative only
              --only    run only these parts (default: micro,load; none runs only --scale)
              --scale   also run the scale test on PostgreSQL (default sizes 10k,1m; 10m adds minutes)
              --load-before-run  the 1-minute load average before the run began (scripts/bench passes it)
              --soak    only the soak: the demo under 20 clients for 10 minutes (or 60s, 90s, 5m...),
                        failing if heap, RSS, open files or db connections grow; --soak-db=postgresql
                        keeps its sessions in PostgreSQL instead of SQLite
              --features  only the feature-cost run (about 5 minutes): Cloakroom on Redis without and
                        with idle/absolute expiry and with Micrometer metrics, and JMH's MetricsBenchmark;
                        writes features.md
              --profile  only the CPU profile run (about 3-4 minutes): Cloakroom and the raw handlers on
                        Redis and PostgreSQL (read, incr, login) under JFR, their CPU per request by stage;
                        writes profile.md
            """;

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    public static BenchOptions parse(String[] args) {
        boolean quick = false;
        Set<String> parts = Set.of("micro", "load");
        List<Long> scale = List.of();
        Path out = Path.of("bench/results");
        String redis = "redis://127.0.0.1:6390/0";
        String pg = "jdbc:postgresql://127.0.0.1:5432/cloakroom_bench?user=postgres";
        String wrk = "wrk";
        String python = "/usr/bin/python3";
        String command = "scripts/bench";
        double loadBeforeRun = -1;
        Duration soak = null;
        boolean soakOnPostgres = false;
        boolean partsGiven = false;
        boolean features = false;
        boolean profile = false;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    parts = Set.of(value.split(","));
                    partsGiven = true;
                }
                case "--scale" -> scale = sizes(value.isEmpty() ? "10k,1m" : value);
                case "--out" -> out = Path.of(value);
                case "--redis" -> redis = value;
                case "--pg" -> pg = value;
                case "--wrk" -> wrk = value;
                case "--python" -> python = value;
                case "--command" -> command = value;
                case "--load-before-run" -> loadBeforeRun = loadAverage(value);
                case "--soak" -> soak = value.isEmpty() ? Duration.ofMinutes(10) : duration(value);
                case "--soak-db" -> soakOnPostgres = soakDatabase(value);
                case "--features" -> features = true;
                case "--profile" -> profile = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        for (String part : parts) {
            if (!part.equals("micro") && !part.equals("load") && !part.equals("none")) {
                throw new IllegalArgumentException("--only takes micro and/or load (or none, with "
                        + "--scale), not " + part);
            }
        }
        if ((soak != null || features || profile) && !partsGiven) {
            parts = Set.of("none");
        }
        return new BenchOptions(quick, parts, scale, out, redis, pg, wrk, python, command, loadBeforeRun,
                soak, soakOnPostgres, features, profile);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h} → that duration; at least 5 seconds. */
    static Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,6})([smh])").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--soak takes a duration such as 60s, 10m or 1h, not '" + text
                    + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("--soak needs at least 5s, not '" + text + "'");
        }
        return d;
    }

    private static boolean soakDatabase(String value) {
        return switch (value) {
            case "sqlite" -> false;
            case "postgresql" -> true;
            default -> throw new IllegalArgumentException(
                    "--soak-db takes sqlite or postgresql, not '" + value + "'");
        };
    }

    private static double loadAverage(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--load-before-run takes a load average such as 0.42, not "
                    + value + "\n" + USAGE, e);
        }
    }

    /** {@code 10k,1m,10m} → 10000, 1000000, 10000000, ascending. */
    static List<Long> sizes(String text) {
        List<Long> sizes = new ArrayList<>();
        for (String s : text.split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            long factor = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
            String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
            try {
                long size = Long.parseLong(digits) * factor;
                if (size < 1) {
                    throw new NumberFormatException();
                }
                sizes.add(size);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--scale takes sizes like 10k,1m,10m, not '" + s + "'", e);
            }
        }
        sizes.sort(Long::compare);
        return List.copyOf(sizes);
    }
}
