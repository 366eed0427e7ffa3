package dev.cloakroom.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the soak for a few seconds, so that the harness behind {@code scripts/bench --soak} keeps working:
 * a real demo JVM on SQLite, real HTTP clients, real measurements. (About 15 s; too short to judge a leak,
 * which the ten-minute run does.)
 */
class SoakRunIT {

    @TempDir
    Path work;

    @Test
    void aShortSoakMeasuresTheDemoWhileClientsBrowse() throws Exception {
        SoakRun.Config config = new SoakRun.Config(Duration.ofSeconds(8), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 4, "96m");
        List<String> log = new ArrayList<>();

        SoakRun run = SoakRun.of(config, null, work, log::add);
        SoakRun.Result result = run.run(work);

        assertThat(log.get(0)).contains("engine db on SQLite").contains("4 clients for 8 s");
        assertThat(result.samples()).hasSizeBetween(7, 8).allSatisfy(sample -> {
            assertThat(sample.heapAfterGc()).isBetween(1L << 20, 96L << 20);
            assertThat(sample.resident()).isGreaterThan(sample.heapAfterGc());
            assertThat(sample.openFiles()).isGreaterThan(10);
            // HikariCP fills the engine's pool (10 by default); SQLite opens the file once per connection.
            assertThat(sample.dbConnections()).isBetween(1, 10);
        });
        assertThat(result.requests()).isPositive();
        assertThat(result.failures()).isEmpty();
        assertThat(result.verdicts()).hasSize(4).allSatisfy(v -> assertThat(v.conclusive()).isTrue());
        assertThat(SoakReport.markdown(result, config, run.database(), "test", "here"))
                .contains("| time | heap after GC |").contains("heap after GC: ")
                .contains("db connections: ");
    }
}
