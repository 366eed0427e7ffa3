package dev.cloakroom.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreCpuTest {

    @Test
    void theRedisProcessIdComesFromInfoServer() {
        String info = "# Server\r\nredis_version:7.0.15\r\nprocess_id:4242\r\ntcp_port:6390\r\n";
        assertThat(StoreCpu.pid(info)).contains(4242L);
        assertThat(StoreCpu.pid("# Server\r\nredis_version:7.0.15\r\n")).isEmpty();
        assertThat(StoreCpu.pid("process_id:x\n")).isEmpty();
    }

    @Test
    void postgresProcessesAreKnownByTheirBinary() {
        assertThat(StoreCpu.isPostgres("/usr/lib/postgresql/15/bin/postgres")).isTrue();
        assertThat(StoreCpu.isPostgres("postgres")).isTrue();
        assertThat(StoreCpu.isPostgres("/usr/bin/postgresql-check")).isFalse();
        assertThat(StoreCpu.isPostgres("/usr/bin/redis-server")).isFalse();
    }

    @Test
    void anUnknownRedisCountsNothing() {
        assertThat(StoreCpu.redisNanos("process_id:" + Long.MAX_VALUE + "\n")).isZero();
    }
}
