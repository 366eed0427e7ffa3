package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.ProfileResult;
import dev.cloakroom.bench.load.ProfileRun;
import dev.cloakroom.bench.load.Variant;
import dev.cloakroom.bench.load.WrkResult;
import dev.cloakroom.bench.profile.Sample;
import dev.cloakroom.bench.profile.StageCounts;
import dev.cloakroom.bench.profile.ThreadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTableTest {

    private static final RunInfo RUN = new RunInfo(Instant.parse("2026-01-01T00:00:00Z"), "full",
            "scripts/bench --profile", 0.3, 1.0, 2.0, List.of("2 cores"));

    /**
     * 10,000 requests in 1 s; {@code userMicros} µs/req of user time on the request threads, 10 µs/req in
     * their system calls, 5 µs/req of GC; the samples: {@code signing} in HMAC, {@code jetty} in Jetty.
     */
    private static ProfileResult result(Variant v, double userMicros, int signing, int jetty) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < signing; i++) {
            samples.add(new Sample("qtp1-1", List.of("javax.crypto.Mac.doFinal")));
        }
        for (int i = 0; i < jetty; i++) {
            samples.add(new Sample("qtp1-2", List.of("org.eclipse.jetty.server.Request.handle")));
        }
        samples.add(new Sample("JFR Recorder Thread", List.of("jdk.jfr.internal.Recorder.run")));
        long requests = 10_000;
        Map<ThreadKind, long[]> threads = new EnumMap<>(ThreadKind.class);
        threads.put(ThreadKind.SERVING,
                new long[] {(long) (userMicros * 1000 * requests), 10_000 * requests});
        threads.put(ThreadKind.GC, new long[] {5_000 * requests, 0});
        long total = (long) ((userMicros + 15) * 1000 * requests);
        WrkResult wrk = new WrkResult(requests, 1_000_000, 0, 100, 200, 300, 400, 500);
        return new ProfileResult(v, Endpoint.INCR, wrk, total, threads, StageCounts.of(samples),
                v == Variant.RAW_REDIS ? Map.of() : Map.of("process reaper", 2_000L * requests),
                7_500L * requests);
    }

    private static final List<ProfileResult> RESULTS = List.of(
            result(Variant.CLOAKROOM_REDIS, 80, 300, 500),
            result(Variant.RAW_REDIS, 50, 0, 1000));

    @Test
    void stagesSplitTheRequestThreadsUserTimeByTheirShareOfSamples() {
        String md = ProfileTable.markdown(RESULTS, ProfileRun.Config.full(), RUN, "wrk 4.1.0");

        assertThat(md).contains("| µs/req (share of samples) | Cloakroom cache (Redis) | raw Redis |")
                .contains("| **Java CPU µs/req** | **95.0** | **65.0** |")
                .contains("| × raw CPU | 1.46× |  |")
                .contains("| store server CPU µs/req | 7.5 | 7.5 |")
                .contains("| samples | 800 | 1,000 |")
                .contains("| HMAC/signing | 30.0 (37.5%) | 0.0 (0.0%) |")
                .contains("| Jetty/HTTP | 50.0 (62.5%) | 50.0 (100.0%) |")
                .contains("| kernel: request threads' system calls | 10.0 | 10.0 |")
                .contains("| GC and VM thread | 5.0 | 5.0 |")
                .contains("*Other threads*, the busiest: Cloakroom cache (Redis) `process reaper` 2.0; "
                        + "raw Redis none (µs/req;");
    }

    @Test
    void theDifferenceFromRawIsMadeUpOfTheStagesThatDiffer() {
        String md = ProfileTable.markdown(RESULTS, ProfileRun.Config.full(), RUN, "wrk 4.1.0");

        assertThat(md).contains("- `incr`, Cloakroom cache (Redis) − raw Redis: 95.0 − 65.0 = +30.0 µs/req: "
                + "HMAC/signing +30.0\n");
    }

    @Test
    void eachVariantListsItsHottestMethods() {
        String md = ProfileTable.markdown(RESULTS, ProfileRun.Config.full(), RUN, "wrk 4.1.0");

        assertThat(md).contains("### `incr`, Cloakroom cache (Redis)\n\n| method | % of samples |\n"
                + "|---|---:|\n| `org.eclipse.jetty.server.Request.handle` | 62.5 |\n"
                + "| `javax.crypto.Mac.doFinal` | 37.5 |\n");
        assertThat(md).doesNotContain("jdk.jfr.internal");
    }
}
