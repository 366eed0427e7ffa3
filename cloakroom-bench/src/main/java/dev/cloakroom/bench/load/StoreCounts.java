package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.SqlCounter;
import dev.cloakroom.bench.endpoints.CountingDataSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a variant sent to its store per request, from the sequential counting pass.
 *
 * @param requests requests of the counting pass
 * @param redisSent commands clients sent to Redis (round trips), by name, from {@code MONITOR}
 * @param redisInScripts commands Redis ran inside scripts, by name, from {@code MONITOR}
 * @param commandStats {@code INFO commandstats} call deltas (sent and in scripts alike)
 * @param sql statements, commits and transactions from the variant's {@link CountingDataSource}
 */
public record StoreCounts(long requests, Map<String, Long> redisSent, Map<String, Long> redisInScripts,
        Map<String, Long> commandStats, SqlCounter.Snapshot sql) {

    /** No store touched. */
    public static StoreCounts none(long requests) {
        return new StoreCounts(requests, Map.of(), Map.of(), Map.of(), new SqlCounter.Snapshot(0, 0, 0, 0));
    }

    /** Redis round trips per request. */
    public double redisPerRequest() {
        return perRequest(redisSent.values().stream().mapToLong(Long::longValue).sum());
    }

    /** SQL round trips (statements, commits, rollbacks) per request. */
    public double sqlPerRequest() {
        return perRequest(sql.roundTrips());
    }

    /** Transactions per request. */
    public double transactionsPerRequest() {
        return perRequest(sql.transactions());
    }

    /** {@code hmget 1, evalsha 1} style summary of a per-command map, per request. */
    public String describe(Map<String, Long> byCommand) {
        if (byCommand.isEmpty()) {
            return "";
        }
        return new TreeMap<>(byCommand).entrySet().stream()
                .map(e -> e.getKey().toUpperCase(java.util.Locale.ROOT) + " "
                        + format(perRequest(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    private double perRequest(long total) {
        return requests == 0 ? 0 : (double) total / requests;
    }

    static String format(double value) {
        return Math.abs(value - Math.rint(value)) < 0.005 ? Long.toString(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
