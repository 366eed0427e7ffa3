package dev.cloakroom.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthTest {

    private static final int MIB = 1 << 20;
    private final Growth heap = new Growth("heap after GC", "MiB", 0.10, 8 * MIB);
    private final Growth files = new Growth("open files", "count", 0, 4);

    @Test
    void aNoisyButFlatHeapIsSteady() {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            values.add(40L * MIB + (i % 3) * 3L * MIB);
        }

        Growth.Verdict verdict = heap.judge(values);

        assertThat(verdict.conclusive()).isTrue();
        assertThat(verdict.grows()).isFalse();
        assertThat(verdict.describe())
                .isEqualTo("heap after GC: 43.0 MiB → 43.0 MiB (limit 55.3 MiB): steady");
    }

    @Test
    void aHeapThatClimbsEverySampleGrows() {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            values.add(40L * MIB + i * 2L * MIB); // 2 MiB per sample: 32 MiB over the run
        }

        Growth.Verdict verdict = heap.judge(values);

        assertThat(verdict.grows()).isTrue();
        assertThat(verdict.describe()).endsWith(": GROWS");
    }

    @Test
    void oneLateSpikeIsNotGrowth() {
        List<Integer> values = new ArrayList<>(List.of(120, 120, 121, 120, 120, 119, 120, 120, 120));
        values.set(8, 400);

        assertThat(files.judge(values).grows()).isFalse();
    }

    @Test
    void leakedConnectionsOrFilesGrowEvenWhenFew() {
        assertThat(files.judge(List.of(120, 120, 121, 123, 124, 126, 128, 129, 131)).grows()).isTrue();
    }

    @Test
    void fewerThanThreeSamplesCannotTell() {
        Growth.Verdict verdict = files.judge(List.of(1, 500));

        assertThat(verdict.conclusive()).isFalse();
        assertThat(verdict.grows()).isFalse();
        assertThat(verdict.describe()).isEqualTo("open files: 2 samples after the warm-up, too few to tell");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Growth.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
    }
}
