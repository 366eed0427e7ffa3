package dev.cloakroom.bench.load;

import java.time.Duration;

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
 */
public record LoadConfig(Duration warmUp, Duration measure, int rounds, int sessions, int countingRequests,
        int threads, int connections) {

    /** The full run: 3 s warm-up, then 2 rounds of 5 s (10 s measured per pair), 50 connections. */
    public static LoadConfig full() {
        return new LoadConfig(Duration.ofSeconds(3), Duration.ofSeconds(5), 2, 2000, 200, 2, 50);
    }

    /** A quick try: 1 s warm-up, one round of 2 s, 200 sessions. Numbers are indicative only. */
    public static LoadConfig quick() {
        return new LoadConfig(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 200, 20, 2, 50);
    }

    /** Seconds the timed part takes for {@code runs} variant-endpoint pairs, for the log. */
    public long plannedSeconds(int runs) {
        return runs * (warmUp.toSeconds() + rounds * measure.toSeconds());
    }
}
