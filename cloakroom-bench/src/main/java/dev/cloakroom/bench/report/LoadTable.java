package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadConfig;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.StoreCounts;
import dev.cloakroom.bench.load.Variant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The load harness's results as Markdown: units, the main table, targets, then the details. */
public final class LoadTable {

    private LoadTable() {
    }

    /** The whole {@code load.md}, without an open-loop section. */
    public static String markdown(List<LoadResult> results, LoadConfig config, RunInfo info,
            String wrkVersion) {
        return markdown(results, config, info, wrkVersion, "");
    }

    /** The whole {@code load.md}, with {@code openLoop} (a Markdown section, or empty) after the table. */
    public static String markdown(List<LoadResult> results, LoadConfig config, RunInfo info,
            String wrkVersion, String openLoop) {
        StringBuilder sb = new StringBuilder("# Load: Cloakroom vs Spring Session vs raw storage\n\n");
        sb.append(info.markdown()).append('\n');
        sb.append(units(config, wrkVersion)).append('\n');
        sb.append(mainTable(results)).append('\n');
        if (!openLoop.isEmpty()) {
            sb.append(openLoop).append('\n');
        }
        sb.append("## Targets\n\n");
        for (String line : Targets.load(results)) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append('\n').append(details(results));
        return sb.toString();
    }

    static String units(LoadConfig config, String wrkVersion) {
        return "**Units.** *req/s*: requests completed per second by `" + wrkVersion + "` with "
                + config.threads() + " threads and " + config.connections() + " keep-alive connections on "
                + "loopback, over " + config.rounds() + " round(s) of " + config.measure().toSeconds()
                + " s per variant (after a " + config.warmUp().toSeconds() + " s warm-up; variants take "
                + "turns, every other round in reverse order). *p50*, *p99*: wrk's latency percentiles in "
                + "milliseconds, mean over the rounds. *store round trips/req*: from a sequential counting "
                + "pass of " + config.countingRequests() + " requests: Redis commands sent by clients "
                + "(`MONITOR`, so commands a Lua script runs inside Redis are not round trips), or SQL "
                + "statements plus `COMMIT`s/`ROLLBACK`s (counted by a JDBC proxy on each variant's own "
                + "pool, the Spring Boot apps' pools included; Redis commands are counted server-wide, "
                + "so a background job of any app adds to them). *Java CPU µs/req*: the CPU time (user + "
                + "system) of the JVM that serves the variant, taken just before and after each measured wrk "
                + "run and summed over the rounds, divided by the requests wrk completed: the harness's JVM "
                + "for Cloakroom, raw and baseline (its bookkeeping between rounds not counted), the app's "
                + "own JVM for Spring Session; wrk, Redis and PostgreSQL are processes of their own and do "
                + "not count. *× raw CPU*: that divided by the raw variant's on the same store and endpoint "
                + "(for `none`, the baseline's). *× Spring*: req/s divided by Spring "
                + "Session 4.0's (Boot 4.0, default repository for Redis) on the same store; *× raw*: "
                + "divided by the raw variant's on the same store (for `none`, by the baseline's). "
                + "Endpoints: `none` does not touch the session (the request carries a session cookie); "
                + "`read` reads one value; `incr` increments a counter; `login` creates a session and logs a "
                + "user in (no cookie sent).\n";
    }

    static String mainTable(List<LoadResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| endpoint | variant | req/s | p50 ms | p99 ms | store round trips/req | Java CPU µs/req "
                + "| × Spring | × raw | × raw CPU |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadResult r : results) {
            String trips = r.variant().store() == Variant.Store.NONE ? "0"
                    : Numbers.count(r.storeRoundTrips());
            String errors = r.errors() > 0 ? " (" + r.errors() + " errors)" : "";
            row(sb, r.endpoint().path(), r.variant().label(), Numbers.grouped(r.throughput()),
                    Numbers.fixed(r.p50Millis(), 2), Numbers.fixed(r.p99Millis(), 2), trips, cpu(r),
                    ratioTo(results, r, r.variant().springRival()),
                    ratioTo(results, r, r.variant().rawFloor(r.endpoint())) + errors,
                    cpuRatioTo(results, r, r.variant().rawFloor(r.endpoint())));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String ratioTo(List<LoadResult> results, LoadResult r, @Nullable Variant other) {
        if (other == null) {
            return "";
        }
        return find(results, other, r.endpoint()).map(o -> Numbers.ratio(r.throughput() / o.throughput()))
                .orElse("");
    }

    /** The serving JVM's CPU per request, or an en dash where it was not measured. */
    static String cpu(LoadResult r) {
        double cpu = r.cpuMicrosPerRequest();
        return Double.isNaN(cpu) ? "–" : Numbers.fixed(cpu, 1);
    }

    /** {@code r}'s CPU per request divided by {@code other}'s on the same endpoint, or an empty cell. */
    static String cpuRatioTo(List<LoadResult> results, LoadResult r, @Nullable Variant other) {
        if (other == null) {
            return "";
        }
        return find(results, other, r.endpoint())
                .map(o -> Numbers.ratio(r.cpuMicrosPerRequest() / o.cpuMicrosPerRequest())).orElse("");
    }

    /** The result of {@code variant} on {@code endpoint}, if it was measured. */
    static Optional<LoadResult> find(List<LoadResult> results, @Nullable Variant variant, Endpoint endpoint) {
        return results.stream().filter(r -> r.variant() == variant && r.endpoint() == endpoint).findFirst();
    }

    static String details(List<LoadResult> results) {
        StringBuilder sb = new StringBuilder("## What reached the store, per request\n\n");
        sb.append("| endpoint | variant | Redis commands sent | run inside scripts | INFO commandstats "
                + "| SQL statements | COMMITs | transactions | store calls/req under load |\n");
        sb.append("|---|---|---|---|---|---:|---:|---:|---:|\n");
        for (LoadResult r : results) {
            if (r.variant().store() == Variant.Store.NONE) {
                continue;
            }
            StoreCounts c = r.counts();
            double n = c.requests();
            boolean sql = r.variant().store() == Variant.Store.POSTGRES;
            row(sb, r.endpoint().path(), r.variant().label(), c.describe(c.redisSent()),
                    c.describe(c.redisInScripts()), c.describe(c.commandStats()),
                    sql ? Numbers.count(c.sql().statements() / n) : "",
                    sql ? Numbers.count((c.sql().commits() + c.sql().rollbacks()) / n) : "",
                    sql ? Numbers.count(c.transactionsPerRequest()) : "",
                    Numbers.fixed(r.underLoadStoreCalls(), 2));
        }
        sb.append("\n*Store calls/req under load*: SQL round trips, or every Redis command including "
                + "those run inside scripts (`INFO commandstats`), divided by the requests wrk completed; "
                + "above the counting pass when concurrent requests on one session make compare-and-set "
                + "saves retry.\n");
        return sb.toString();
    }
}
