package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:8080/cloakroom-redis/read
              2 threads and 50 connections
            WRK_RESULT {"requests":100000,"duration_us":5000000,"bytes":123,"connect_errors":0,\
            "read_errors":1,\
            "write_errors":0,"status_errors":2,"timeouts":3,"p50_us":1200,"p90_us":2500,"p99_us":8000,\
            "p999_us":12000,"max_us":30000,"mean_us":1500.5}
            """;

    @Test
    void parsesTheScriptsResultLine() {
        WrkResult result = WrkResult.parse(OUTPUT);

        assertThat(result.requests()).isEqualTo(100_000);
        assertThat(result.throughput()).isEqualTo(20_000.0);
        assertThat(result.p50Micros()).isEqualTo(1200);
        assertThat(result.p99Micros()).isEqualTo(8000);
        assertThat(result.errors()).isEqualTo(6);
    }

    @Test
    void outputWithoutTheResultLineIsAnError() {
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Connection refused");
    }
}
