package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import java.util.List;

/**
 * One variant on one endpoint: its measured wrk rounds and what it sent to its store.
 *
 * @param variant the variant
 * @param endpoint the endpoint
 * @param rounds the measured wrk runs, one per round
 * @param counts the counting pass
 * @param underLoadStoreCalls store calls per request while wrk ran (SQL round trips, or Redis
 *     {@code commandstats} calls including those inside scripts): shows retries under contention
 * @param cpuNanos the CPU time of the JVM serving the variant (the harness's, or its Spring Boot app's)
 *     while wrk ran, summed over the rounds; negative where the platform does not tell it
 */
public record LoadResult(Variant variant, Endpoint endpoint, List<WrkResult> rounds, StoreCounts counts,
        double underLoadStoreCalls, long cpuNanos) {

    /**
     * The serving JVM's CPU time per request completed, in microseconds ("Java CPU µs/req"); NaN where it
     * was not measured.
     */
    public double cpuMicrosPerRequest() {
        long requests = rounds.stream().mapToLong(WrkResult::requests).sum();
        return cpuNanos < 0 || requests == 0 ? Double.NaN : cpuNanos / 1000.0 / requests;
    }

    /** Requests per second over all rounds. */
    public double throughput() {
        long requests = rounds.stream().mapToLong(WrkResult::requests).sum();
        long micros = rounds.stream().mapToLong(WrkResult::durationMicros).sum();
        return micros == 0 ? 0 : requests * 1_000_000.0 / micros;
    }

    /** Median latency in milliseconds: the mean of the rounds' medians. */
    public double p50Millis() {
        return rounds.stream().mapToLong(WrkResult::p50Micros).average().orElse(0) / 1000;
    }

    /** 99th percentile latency in milliseconds: the mean of the rounds' values. */
    public double p99Millis() {
        return rounds.stream().mapToLong(WrkResult::p99Micros).average().orElse(0) / 1000;
    }

    /** Errors over all rounds (timeouts, socket errors, answers other than 2xx/3xx). */
    public long errors() {
        return rounds.stream().mapToLong(WrkResult::errors).sum();
    }

    /** Store round trips per request from the counting pass: Redis commands or SQL statements + commits. */
    public double storeRoundTrips() {
        return switch (variant.store()) {
            case REDIS -> counts.redisPerRequest();
            case POSTGRES -> counts.sqlPerRequest();
            case NONE -> 0;
        };
    }
}
