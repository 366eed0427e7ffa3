package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeSectionTest {

    private static final RunInfo RUN = new RunInfo(Instant.parse("2026-12-07T03:00:00Z"), "full",
            "scripts/bench", 0.4, 0.4, 9.0,
            List.of("2 cores, some CPU", "Spring Boot 4.0.7 (Spring Session 4.0.4)"));

    @Test
    void theSectionNamesTheRunTheMachineAndEachVariantsNumbers() {
        String section = ReadmeSection.markdown(LoadResults.good(), List.of(), RUN);

        assertThat(section).startsWith(ReadmeSection.BEGIN).endsWith(ReadmeSection.END)
                .contains("Latest full run: 2026-12-07, `scripts/bench`, load average 0.40 before it "
                        + "started;")
                .contains("- 2 cores, some CPU\n- Spring Boot 4.0.7 (Spring Session 4.0.4)\n")
                .contains("| Cloakroom cache (Redis) |")
                .contains("| read | 18,000 (5.0) | 9,000 (12.0) |")
                .contains("| round trips read / incr / login | 1 / 2 / – |")
                .doesNotContain("busy machine");
    }

    @Test
    void replacingKeepsEverythingOutsideTheMarkers() {
        String readme = "# Title\n\n" + ReadmeSection.BEGIN + "\nold numbers\n" + ReadmeSection.END
                + "\n\nrest\n";

        String updated = ReadmeSection.replace(readme, ReadmeSection.BEGIN + "\nnew\n" + ReadmeSection.END);

        assertThat(updated).isEqualTo("# Title\n\n" + ReadmeSection.BEGIN + "\nnew\n" + ReadmeSection.END
                + "\n\nrest\n");
        assertThatThrownBy(() -> ReadmeSection.replace("# no markers\n", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
