package dev.cloakroom.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageCountsTest {

    @Test
    void onlyRequestThreadsCountByStageAndBySampledMethod() {
        List<Sample> samples = List.of(
                new Sample("qtp1-1", List.of("javax.crypto.Mac.doFinal", "dev.cloakroom.signing.Signer.s")),
                new Sample("qtp1-2", List.of("javax.crypto.Mac.doFinal", "dev.cloakroom.signing.Signer.s")),
                new Sample("qtp1-2", List.of("dev.cloakroom.signing.PythonJsonWriter.write")),
                new Sample("lettuce-nioEventLoop-4-1", List.of("io.netty.channel.nio.NioEventLoop.run")),
                new Sample("JFR Recorder Thread", List.of("jdk.jfr.internal.PlatformRecorder.run")),
                new Sample("main", List.of("java.lang.Process.waitFor")));

        StageCounts counts = StageCounts.of(samples);

        assertThat(counts.samples()).isEqualTo(4);
        assertThat(counts.byStage()).containsEntry("HMAC/signing", 2L).containsEntry("JSON", 1L)
                .containsEntry("Redis client", 1L).containsEntry(Stages.OTHER, 0L);
        assertThat(counts.byStage().keySet()).containsExactlyElementsOf(Stages.names());
        assertThat(counts.share("HMAC/signing")).isEqualTo(0.5);
        assertThat(counts.byMethod().keySet()).containsExactly("javax.crypto.Mac.doFinal",
                "dev.cloakroom.signing.PythonJsonWriter.write", "io.netty.channel.nio.NioEventLoop.run");
    }

    @Test
    void noSamplesMakeNoShares() {
        assertThat(StageCounts.of(List.of()).share("JSON")).isZero();
    }
}
