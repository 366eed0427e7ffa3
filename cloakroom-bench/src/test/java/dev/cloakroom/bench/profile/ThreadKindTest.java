package dev.cloakroom.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadKindTest {

    @Test
    void requestAndStoreThreadsServe() {
        assertThat(ThreadKind.of("qtp1809194904-33")).isEqualTo(ThreadKind.SERVING);
        assertThat(ThreadKind.of("lettuce-nioEventLoop-4-1")).isEqualTo(ThreadKind.SERVING);
        assertThat(ThreadKind.of("lettuce-epollEv")).isEqualTo(ThreadKind.SERVING);
        assertThat(ThreadKind.of("HikariPool-1 housekeeper")).isEqualTo(ThreadKind.SERVING);
        // the bench's pools' connection adders, as Linux cuts their names
        assertThat(ThreadKind.of("HikariPool-clo")).isEqualTo(ThreadKind.SERVING);
    }

    @Test
    void theJvmsOwnThreadsAreToldApartByTheirLinuxNames() {
        assertThat(ThreadKind.of("GC Thread#1")).isEqualTo(ThreadKind.GC);
        assertThat(ThreadKind.of("G1 Conc#0")).isEqualTo(ThreadKind.GC);
        assertThat(ThreadKind.of("VM Thread")).isEqualTo(ThreadKind.GC);
        assertThat(ThreadKind.of("C2 CompilerThre")).isEqualTo(ThreadKind.JIT);
        assertThat(ThreadKind.of("C1 CompilerThre")).isEqualTo(ThreadKind.JIT);
        assertThat(ThreadKind.of("JFR Recorder Th")).isEqualTo(ThreadKind.JFR);
        assertThat(ThreadKind.of("main")).isEqualTo(ThreadKind.OTHER);
        assertThat(ThreadKind.of("Thread-3")).isEqualTo(ThreadKind.OTHER);
    }
}
