package dev.cloakroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadChartTest {

    @Test
    void writesAPngWithColouredBars(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.png");

        LoadChart.write(LoadResults.good(), "test run", file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1900);
        assertThat(image.getHeight()).isGreaterThan(900);
        boolean cloakroomRed = false;
        for (int x = 0; x < image.getWidth() && !cloakroomRed; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == 0xc62828) {
                    cloakroomRed = true;
                    break;
                }
            }
        }
        assertThat(cloakroomRed).as("a bar in Cloakroom's Redis colour").isTrue();
    }

    @Test
    void axisEndsOnARoundNumber() {
        assertThat(LoadChart.niceCeiling(47_123)).isEqualTo(50_000);
        assertThat(LoadChart.niceCeiling(12)).isEqualTo(20);
        assertThat(LoadChart.niceCeiling(2.1)).isEqualTo(2.5);
    }
}
