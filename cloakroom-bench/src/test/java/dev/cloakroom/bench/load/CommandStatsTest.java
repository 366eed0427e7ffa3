package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandStatsTest {

    @Test
    void deltaCountsCallsPerCommandWithoutTheHarnesssOwn() {
        Map<String, Long> before = CommandStats.parse("""
                # Commandstats\r
                cmdstat_hmget:calls=10,usec=50,usec_per_call=5.00,rejected_calls=0,failed_calls=0\r
                cmdstat_info:calls=3,usec=30,usec_per_call=10.00,rejected_calls=0,failed_calls=0\r
                """);
        Map<String, Long> after = CommandStats.parse("""
                # Commandstats
                cmdstat_hmget:calls=30,usec=150,usec_per_call=5.00,rejected_calls=0,failed_calls=0
                cmdstat_evalsha:calls=20,usec=400,usec_per_call=20.00,rejected_calls=0,failed_calls=0
                cmdstat_info:calls=5,usec=50,usec_per_call=10.00,rejected_calls=0,failed_calls=0
                cmdstat_client|list:calls=1,usec=5,usec_per_call=5.00,rejected_calls=0,failed_calls=0
                """);

        assertThat(CommandStats.delta(before, after)).containsExactlyInAnyOrderEntriesOf(
                Map.of("hmget", 20L, "evalsha", 20L, "client|list", 1L));
    }
}
