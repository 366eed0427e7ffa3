package dev.cloakroom.bench.report;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.load.LoadResult;
import dev.cloakroom.bench.load.Variant;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws the load results as a PNG with Java 2D on a headless image: two grouped bar charts, requests per
 * second (higher is better) and p99 latency (lower is better), one group per endpoint, one bar per variant.
 */
public final class LoadChart {

    private static final int WIDTH = 1900;
    private static final int PANEL = 470;
    private static final int LEFT = 90;
    private static final int RIGHT = 300;
    private static final Map<Variant, Color> COLORS = Map.ofEntries(
            Map.entry(Variant.BASELINE, new Color(0x9e9e9e)),
            Map.entry(Variant.CLOAKROOM_REDIS, new Color(0xc62828)),
            Map.entry(Variant.BOOT40_REDIS, new Color(0x2e7d32)),
            Map.entry(Variant.BOOT40_REDIS_INDEXED, new Color(0x66bb6a)),
            Map.entry(Variant.BOOT35_REDIS, new Color(0x827717)),
            Map.entry(Variant.BOOT35_REDIS_INDEXED, new Color(0xc0ca33)),
            Map.entry(Variant.RAW_REDIS, new Color(0xef9a9a)),
            Map.entry(Variant.CLOAKROOM_DB, new Color(0x1565c0)),
            Map.entry(Variant.BOOT40_JDBC, new Color(0x00695c)),
            Map.entry(Variant.BOOT35_JDBC, new Color(0x4db6ac)),
            Map.entry(Variant.RAW_SQL, new Color(0x90caf9)));

    private LoadChart() {
    }

    /** Writes the chart of {@code results} to {@code file}, titled with {@code subtitle}. */
    public static void write(List<LoadResult> results, String subtitle, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL + 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString("Cloakroom vs Spring Session vs raw storage", LEFT, 34);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(subtitle, LEFT, 58);
            panel(g, results, 80, "requests per second (higher is better)", LoadResult::throughput, false);
            panel(g, results, 80 + PANEL, "p99 latency, ms (lower is better)", LoadResult::p99Millis, true);
            legend(g, 100);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, List<LoadResult> results, int top, String title,
            ToDoubleFunction<LoadResult> value, boolean decimals) {
        int bottom = top + PANEL - 60;
        int plotTop = top + 30;
        double max = results.stream().mapToDouble(value).max().orElse(1);
        max = niceCeiling(max <= 0 ? 1 : max);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, top + 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i <= 5; i++) {
            int y = bottom - (int) ((bottom - plotTop) * i / 5.0);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            String label = decimals ? Numbers.fixed(max * i / 5, 1) : Numbers.grouped(max * i / 5);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        List<Endpoint> endpoints = List.of(Endpoint.NONE, Endpoint.READ, Endpoint.INCR, Endpoint.LOGIN);
        int groupWidth = plotWidth / endpoints.size();
        for (int e = 0; e < endpoints.size(); e++) {
            Endpoint endpoint = endpoints.get(e);
            List<LoadResult> group = results.stream().filter(r -> r.endpoint() == endpoint).toList();
            int x0 = LEFT + e * groupWidth + 12;
            int barWidth = group.isEmpty() ? 0 : Math.min(40, (groupWidth - 24) / group.size());
            for (int b = 0; b < group.size(); b++) {
                LoadResult r = group.get(b);
                double v = value.applyAsDouble(r);
                int h = (int) ((bottom - plotTop) * v / max);
                int x = x0 + b * barWidth;
                g.setColor(COLORS.get(r.variant()));
                g.fillRect(x, bottom - h, barWidth - 3, h);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                String label = decimals ? Numbers.fixed(v, 1) : shortCount(v);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(label, x + (barWidth - 3 - fm.stringWidth(label)) / 2, bottom - h - 3);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString("/" + endpoint.path(), x0, bottom + 20);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, bottom, LEFT + plotWidth, bottom);
    }

    private static void legend(Graphics2D g, int top) {
        int x = WIDTH - RIGHT + 30;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = top;
        for (Variant v : Variant.defaultRun()) {
            g.setColor(COLORS.get(v));
            g.fillRect(x, y - 12, 16, 16);
            g.setColor(Color.BLACK);
            g.drawString(v.label(), x + 24, y + 2);
            y += 26;
        }
    }

    private static String shortCount(double v) {
        return v >= 10_000 ? Numbers.fixed(v / 1000, 1) + "k" : Numbers.grouped(v);
    }

    /** 1, 2, 2.5, 5 or 10 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
