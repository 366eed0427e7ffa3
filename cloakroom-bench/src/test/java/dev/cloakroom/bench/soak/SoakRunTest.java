package dev.cloakroom.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakRunTest {

    private static final long MIB = 1 << 20;

    @Test
    void theTenMinuteRunSamplesEveryThirtySecondsAfterTwoMinutesOfWarmUp() {
        SoakRun.Config config = SoakRun.Config.of(Duration.ofMinutes(10));

        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.warmUp()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.clients()).isEqualTo(20);
    }

    @Test
    void shortRunsSampleMoreOftenAndWarmUpLess() {
        SoakRun.Config config = SoakRun.Config.of(Duration.ofSeconds(60));

        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.warmUp()).isEqualTo(Duration.ofSeconds(12));
        assertThat(SoakRun.Config.of(Duration.ofSeconds(5)).interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSteadyRunPassesAndIgnoresWhatGrewDuringTheWarmUp() throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            long warmingUp = i <= 4 ? i * 10 * MIB : 40 * MIB;
            samples.add(new SoakSample(Duration.ofSeconds(30L * i), warmingUp, 300 * MIB + warmingUp, 100, 10,
                    1000L * i, 0));
        }

        SoakRun.Result result = SoakRun.judge(samples, Duration.ofMinutes(2), 20_000, Map.of(), 0, 50, null);

        assertThat(result.passed()).as("%s", result.problems()).isTrue();
        assertThat(result.summary()).hasSize(4).allSatisfy(line -> assertThat(line).endsWith("steady"));
    }

    @Test
    void aGrowingMeasureOrTooManyFailuresFailTheRun() throws Exception {
        List<SoakSample> samples = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            samples.add(new SoakSample(Duration.ofSeconds(30L * i), 40 * MIB, 300 * MIB, 100 + i, 10,
                    1000L * i, 0));
        }

        SoakRun.Result result = SoakRun.judge(samples, Duration.ofMinutes(2), 20_000,
                Map.of("HTTP 500 POST /api/counter", 201L), 0, 50, null);

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).containsExactly("open files: 106 → 118 (limit 110): GROWS",
                "201 of 20000 requests failed: {HTTP 500 POST /api/counter=201}");
    }

    @Test
    void aRunThatAnsweredNothingFails() throws Exception {
        SoakRun.Result result = SoakRun.judge(List.of(), Duration.ZERO, 0, Map.of(), 0, 0, null);

        assertThat(result.problems()).containsExactly("no request was answered");
    }
}
