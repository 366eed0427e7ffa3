package dev.cloakroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsRunMicroAndLoadWithoutScale() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.quick()).isFalse();
        assertThat(options.parts()).isEqualTo(Set.of("micro", "load"));
        assertThat(options.scaleSizes()).isEmpty();
        assertThat(options.redis()).isEqualTo("redis://127.0.0.1:6390/0");
    }

    @Test
    void scaleWithoutSizesRunsTenThousandAndOneMillion() {
        assertThat(BenchOptions.parse(new String[] {"--scale"}).scaleSizes()).containsExactly(10_000L,
                1_000_000L);
    }

    @Test
    void scaleSizesAcceptSuffixesAndAreSorted() {
        assertThat(BenchOptions.sizes("10m,10k,1m,500")).isEqualTo(List.of(500L, 10_000L, 1_000_000L,
                10_000_000L));
    }

    @Test
    void unknownOptionsAndBadSizesAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scale=lots"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--only=scale"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("micro and/or load");
    }

    @Test
    void featuresRunAloneUnlessToldOtherwise() {
        assertThat(BenchOptions.parse(new String[0]).features()).isFalse();
        BenchOptions options = BenchOptions.parse(new String[] {"--features"});

        assertThat(options.features()).isTrue();
        assertThat(options.parts()).isEqualTo(Set.of("none"));
        assertThat(BenchOptions.parse(new String[] {"--features", "--only=load"}).parts())
                .isEqualTo(Set.of("load"));
    }

    @Test
    void theProfileRunsAloneUnlessToldOtherwise() {
        assertThat(BenchOptions.parse(new String[0]).profile()).isFalse();
        BenchOptions options = BenchOptions.parse(new String[] {"--profile"});

        assertThat(options.profile()).isTrue();
        assertThat(options.features()).isFalse();
        assertThat(options.parts()).isEqualTo(Set.of("none"));
        assertThat(BenchOptions.USAGE).contains("--profile");
    }

    @Test
    void soakRunsTenMinutesAloneUnlessToldOtherwise() {
        BenchOptions options = BenchOptions.parse(new String[] {"--soak"});

        assertThat(options.soak()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(options.parts()).isEqualTo(Set.of("none"));
        assertThat(options.soakOnPostgres()).isFalse();
        assertThat(BenchOptions.parse(new String[0]).soak()).isNull();
    }

    @Test
    void soakTakesADurationAndADatabase() {
        BenchOptions options = BenchOptions.parse(new String[] {"--soak=90s", "--soak-db=postgresql"});

        assertThat(options.soak()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(options.soakOnPostgres()).isTrue();
        assertThat(BenchOptions.parse(new String[] {"--soak=1h"}).soak())
                .isEqualTo(java.time.Duration.ofHours(1));
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--soak=soon"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--soak=2s"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5s");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--soak-db=mysql"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sqlite or postgresql");
    }
}
