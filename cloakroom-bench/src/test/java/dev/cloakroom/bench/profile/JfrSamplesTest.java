package dev.cloakroom.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSamplesTest {

    private static volatile long sink;

    /** Keeps a core busy in this class's own method until {@code until}. */
    static void spin(long until) {
        long x = 0;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 31 + i;
            }
        }
        sink = x;
    }

    @Test
    void aRecordingsExecutionSamplesCarryTheThreadAndItsFramesInnermostFirst(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("test.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable(JfrSamples.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(1));
            recording.start();
            Thread busy = new Thread(() -> spin(System.nanoTime() + 700_000_000L), "qtp-profile-test-1");
            busy.start();
            busy.join();
            recording.stop();
            recording.dump(file);
        }

        List<Sample> samples = JfrSamples.read(file);

        List<Sample> mine = samples.stream().filter(s -> s.thread().equals("qtp-profile-test-1")).toList();
        assertThat(mine).isNotEmpty();
        assertThat(mine).anySatisfy(s -> {
            assertThat(s.top()).isEqualTo(JfrSamplesTest.class.getName() + ".spin");
            assertThat(s.frames()).last().asString().isEqualTo("java.lang.Thread.run");
        });
        assertThat(StageCounts.of(samples).samples()).isGreaterThanOrEqualTo(mine.size());
        // a window that ended before the recording holds none
        assertThat(JfrSamples.read(file, Instant.EPOCH, Instant.now().minusSeconds(3600))).isEmpty();
    }
}
