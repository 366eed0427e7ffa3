package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.SqlCounter;
import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.StoreCounts;
import dev.cloakroom.bench.load.Variant;
import dev.cloakroom.bench.load.WrkResult;
import java.util.List;
import java.util.Map;

/** Made-up load results for testing the tables and the chart. */
final class LoadResults {

    private LoadResults() {
    }

    /** {@code variant} on {@code endpoint} at {@code rps} req/s, p99 {@code p99Millis}, one round of 10 s. */
    static LoadResult of(Variant variant, Endpoint endpoint, double rps, double p99Millis, long roundTrips) {
        WrkResult round = new WrkResult((long) (rps * 10), 10_000_000, 0, (long) (p99Millis * 300),
                (long) (p99Millis * 700), (long) (p99Millis * 1000), (long) (p99Millis * 1500),
                (long) (p99Millis * 2000));
        StoreCounts counts = switch (variant.store()) {
            case REDIS -> new StoreCounts(100, roundTrips == 0 ? Map.of() : Map.of("hmget", roundTrips * 100),
                    Map.of(), Map.of(), new SqlCounter.Snapshot(0, 0, 0, 0));
            case POSTGRES -> new StoreCounts(100, Map.of(), Map.of(), Map.of(),
                    new SqlCounter.Snapshot(roundTrips * 100, 0, 0, roundTrips * 100));
            case NONE -> StoreCounts.none(100);
        };
        return new LoadResult(variant, endpoint, List.of(round), counts, roundTrips, -1);
    }

    /** As {@link #of} with the serving JVM's CPU time: {@code cpuMicros} per request. */
    static LoadResult withCpu(Variant variant, Endpoint endpoint, double rps, double p99Millis,
            long roundTrips, double cpuMicros) {
        LoadResult r = of(variant, endpoint, rps, p99Millis, roundTrips);
        long requests = r.rounds().get(0).requests();
        return new LoadResult(variant, endpoint, r.rounds(), r.counts(), r.underLoadStoreCalls(),
                Math.round(cpuMicros * 1000 * requests));
    }

    /** A full set where Cloakroom meets every target. */
    static List<LoadResult> good() {
        return List.of(
                of(Variant.BASELINE, Endpoint.NONE, 50_000, 3, 0),
                of(Variant.CLOAKROOM_REDIS, Endpoint.NONE, 49_500, 3, 0),
                of(Variant.BOOT40_REDIS, Endpoint.NONE, 49_000, 3, 0),
                of(Variant.CLOAKROOM_DB, Endpoint.NONE, 49_600, 3, 0),
                of(Variant.BOOT40_JDBC, Endpoint.NONE, 49_000, 3, 0),
                of(Variant.CLOAKROOM_REDIS, Endpoint.READ, 18_000, 5, 1),
                of(Variant.BOOT40_REDIS, Endpoint.READ, 9_000, 12, 4),
                of(Variant.RAW_REDIS, Endpoint.READ, 19_000, 4, 1),
                of(Variant.CLOAKROOM_DB, Endpoint.READ, 12_000, 8, 1),
                of(Variant.BOOT40_JDBC, Endpoint.READ, 3_300, 30, 4),
                of(Variant.RAW_SQL, Endpoint.READ, 12_500, 7, 1),
                withCpu(Variant.CLOAKROOM_REDIS, Endpoint.INCR, 14_000, 6, 2, 80),
                withCpu(Variant.BOOT40_REDIS, Endpoint.INCR, 8_000, 13, 4, 210),
                withCpu(Variant.RAW_REDIS, Endpoint.INCR, 15_000, 5, 2, 70),
                withCpu(Variant.CLOAKROOM_DB, Endpoint.INCR, 6_000, 15, 2, 120),
                withCpu(Variant.BOOT40_JDBC, Endpoint.INCR, 1_900, 40, 5, 400),
                withCpu(Variant.RAW_SQL, Endpoint.INCR, 6_300, 14, 2, 110));
    }
}
