package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.bench.load.LoadConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTableTest {

    private static final RunInfo IDLE = new RunInfo(Instant.parse("2026-01-01T00:00:00Z"), "full",
            "scripts/bench",
            0.2, 9.0, 11.0, List.of("2 cores"));

    @Test
    void rowsCarryThroughputLatencyRoundTripsAndRatios() {
        String table = LoadTable.markdown(LoadResults.good(), LoadConfig.full(), IDLE, "wrk 4.1.0");

        assertThat(table)
                .contains("| read | Cloakroom cache (Redis) | 18,000 | 1.50 | 5.00 | 1 | – | 2.00× | 0.95× "
                        + "|  |");
        assertThat(table)
                .contains("| read | Spring Session 4.0 JDBC | 3,300 | 9.00 | 30.00 | 4 | – |  | 0.26× |  |");
        assertThat(table).contains(
                "| none | Cloakroom db (PostgreSQL) | 49,600 | 0.90 | 3.00 | 0 | – | 1.01× | 0.99× |  |");
    }

    @Test
    void javaCpuPerRequestFollowsTheRoundTripsAndIsComparedWithRawOnTheSameStore() {
        String table = LoadTable.markdown(LoadResults.good(), LoadConfig.full(), IDLE, "wrk 4.1.0");

        assertThat(table)
                .contains("| store round trips/req | Java CPU µs/req | × Spring | × raw | × raw CPU |");
        assertThat(table).contains("| incr | Cloakroom cache (Redis) | 14,000 | 1.80 | 6.00 | 2 | 80.0 "
                + "| 1.75× | 0.93× | 1.14× |");
        assertThat(table).contains(
                "| incr | Spring Session 4.0 JDBC | 1,900 | 12.00 | 40.00 | 5 | 400.0 |  | 0.30× | 3.64× |");
        assertThat(table).contains("| incr | raw SQL | 6,300 | 4.20 | 14.00 | 2 | 110.0 | 3.32× |  |  |");
        assertThat(table).contains("## Targets\n").doesNotContain("issue");
    }

    @Test
    void unitsComeBeforeTheTable() {
        String table = LoadTable.markdown(LoadResults.good(), LoadConfig.full(), IDLE, "wrk 4.1.0");

        assertThat(table.indexOf("**Units.**")).isPositive().isLessThan(table.indexOf("| endpoint |"));
        assertThat(table).contains("2 round(s) of 4 s").contains("50 keep-alive connections");
    }

    @Test
    void aMachineBusyBeforeTheRunIsFlaggedInTheHeader() {
        RunInfo busy = new RunInfo(Instant.parse("2026-01-01T00:00:00Z"), "full", "scripts/bench", 2.5, 9.5,
                10.2, List.of());

        assertThat(busy.markdown()).contains("the machine was busy");
    }

    @Test
    void theBenchmarksOwnLoadDuringAPartDoesNotFlagTheMachineAsBusy() {
        assertThat(IDLE.markdown()).doesNotContain("busy").contains("before the run started 0.20")
                .contains("start 9.00 and end 11.00");
    }
}
