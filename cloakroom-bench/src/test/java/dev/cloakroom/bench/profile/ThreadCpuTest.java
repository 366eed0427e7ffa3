package dev.cloakroom.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static final long TICK = 10_000_000;

    @Test
    void userAndSystemTimeAreTheStatLinesFourteenthAndFifteenthFields() {
        ThreadCpu.Times t = ThreadCpu.parse("4321 (C2 CompilerThre) S 1 4300 4300 0 -1 4194368 900 0 0 0 "
                + "250 31 0 0 20 0 40 0 500 0 0\n", TICK);

        assertThat(t).isEqualTo(new ThreadCpu.Times("C2 CompilerThre", 250 * TICK, 31 * TICK));
        // a name with spaces and parentheses
        assertThat(ThreadCpu.parse("7 (a (b) c) R 1 1 1 0 -1 0 0 0 0 0 3 4 0 0", TICK).name())
                .isEqualTo("a (b) c");
    }

    @Test
    void timeBetweenSnapshotsIsSummedByKindAndNewThreadsCountFromZero() {
        Map<Integer, ThreadCpu.Times> before = Map.of(
                1, new ThreadCpu.Times("qtp1-1", 100, 10),
                2, new ThreadCpu.Times("GC Thread#0", 50, 0));
        Map<Integer, ThreadCpu.Times> after = Map.of(
                1, new ThreadCpu.Times("qtp1-1", 400, 30),
                2, new ThreadCpu.Times("GC Thread#0", 80, 5),
                3, new ThreadCpu.Times("lettuce-nioEven", 70, 7));

        Map<ThreadKind, long[]> kinds = ThreadCpu.byKind(before, after);

        assertThat(kinds.get(ThreadKind.SERVING)).containsExactly(370, 27);
        assertThat(kinds.get(ThreadKind.GC)).containsExactly(30, 5);
        assertThat(kinds.get(ThreadKind.JIT)).containsExactly(0, 0);
        assertThat(ThreadCpu.busiest(before, after, ThreadKind.SERVING, 1)).containsExactly(
                java.util.Map.entry("qtp1-1", 320L));
    }

    @Test
    void thisJvmsThreadsAreListedOnLinux() {
        Map<Integer, ThreadCpu.Times> now = new ThreadCpu().snapshot();

        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(now).isNotEmpty();
            assertThat(now.values()).anySatisfy(t -> assertThat(t.name()).startsWith("C2 Compiler"));
        } else {
            assertThat(now).isEmpty();
        }
    }
}
