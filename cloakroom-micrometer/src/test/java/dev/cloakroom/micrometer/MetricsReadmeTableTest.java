package dev.cloakroom.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.engine.MemoryEngine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of meters names every meter {@link CloakroomMetrics} registers, with its type. */
class MetricsReadmeTableTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `(cloakroom\\.[a-z.]+)` \\| ([a-z ]+?)(?:,| \\|)", Pattern.MULTILINE);

    @Test
    void theReadmeListsEveryMeterWithItsType() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), row.group(2).trim());
        }

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CloakroomMetrics metrics = new CloakroomMetrics();
        metrics.instrument(MemoryEngine.create(), "memory");
        metrics.bindTo(registry);
        Map<String, String> registered = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            registered.put(meter.getId().getName(), type(meter.getId().getType()));
        }
        assertThat(documented).isEqualTo(registered);
    }

    private static String type(Meter.Type type) {
        return type == Meter.Type.DISTRIBUTION_SUMMARY ? "distribution summary"
                : type.name().toLowerCase(Locale.ROOT);
    }
}
