package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import java.time.Duration;
import java.util.List;

/**
 * How long and how hard the load harness runs: every variant gets the same.
 *
 * @param warmUp one unmeasured wrk run per variant and endpoint before the rounds
 * @param measure one measured wrk run per variant, endpoint and round
 * @param rounds how many times the variants take turns (odd rounds in reverse order, to cancel drift)
 * @param sessions sessions made per variant (through its login endpoint) for wrk's cookies
 * @param countingRequests requests of the sequential counting pass per variant and endpoint
 * @param threads wrk threads
 * @param connections wrk connections
 * @param openLoop the open-loop (fixed-rate) run's length per variant, endpoint and rate
 * @param openLoopConnections the fixed-rate driver's connections
 * @param openLoopFractions the fixed rates, as fractions of the reference variant's wrk throughput
 * @param openLoopEndpoints the endpoints measured at fixed rates
 */
public record LoadConfig(Duration warmUp, Duration measure, int rounds, int sessions, int countingRequests,
        int threads, int connections, Duration openLoop, int openLoopConnections,
        List<Double> openLoopFractions, List<Endpoint> openLoopEndpoints) {

    /** The variant whose wrk throughput the fixed rates are fractions of. */
    public static final Variant OPEN_LOOP_REFERENCE = Variant.BOOT40_REDIS;

    /**
     * The full run: 2 s warm-up, then 2 rounds of 4 s (8 s measured per pair), 50 connections; then 8 s
     * per variant at 50% and 80% of the reference's {@code read} throughput, 100 connections.
     */
    public static LoadConfig full() {
        return new LoadConfig(Duration.ofSeconds(2), Duration.ofSeconds(4), 2, 2000, 200, 2, 50,
                Duration.ofSeconds(8), 100, List.of(0.5, 0.8), List.of(Endpoint.READ));
    }

    /**
     * The feature-cost run: as {@link #full()} but 4 rounds of 4 s (16 s measured per pair), since the
     * variants differ by little and the rounds' spread is what tells a difference from noise; no open loop.
     */
    public static LoadConfig features() {
        return new LoadConfig(Duration.ofSeconds(2), Duration.ofSeconds(4), 4, 2000, 200, 2, 50,
                Duration.ofSeconds(8), 100, List.of(), List.of());
    }

    /** A quick try: 1 s warm-up, one round of 2 s, 200 sessions, 2 s fixed-rate runs. Indicative only. */
    public static LoadConfig quick() {
        return new LoadConfig(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 200, 20, 2, 50,
                Duration.ofSeconds(2), 100, List.of(0.5, 0.8), List.of(Endpoint.READ));
    }

    /** Seconds the timed part takes for {@code runs} variant-endpoint pairs, for the log. */
    public long plannedSeconds(int runs) {
        return runs * (warmUp.toSeconds() + rounds * measure.toSeconds());
    }

    /** Seconds the open-loop part takes for {@code variants} variants per endpoint, for the log. */
    public long plannedOpenLoopSeconds(int variants) {
        return (long) variants * openLoopFractions.size() * openLoopEndpoints.size() * openLoop.toSeconds();
    }
}
