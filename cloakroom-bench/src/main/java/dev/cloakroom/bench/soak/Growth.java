package dev.cloakroom.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a measure keeps growing during a soak. Samples taken during the warm-up are ignored; of those
 * after it, the median of the last third is compared with the median of the first third. The measure grows
 * if the later median exceeds the earlier one by more than {@code relative × earlier + absolute}. Medians of
 * thirds make one outlier (a collection that came late, a burst of connections) harmless, while a leak,
 * which moves every later sample, cannot hide. Fewer than three samples after the warm-up cannot tell.
 *
 * @param name what is measured, such as {@code heap after GC}
 * @param unit how values are shown: {@code MiB} or {@code count}
 * @param relative the tolerated growth as a fraction of the earlier median
 * @param absolute the tolerated growth on top of that, in the measure's own unit (bytes or a count)
 */
record Growth(String name, String unit, double relative, double absolute) {

    /** The outcome for one measure. */
    record Verdict(Growth measure, int samples, double earlier, double later, double limit, boolean grows,
            boolean conclusive) {

        String describe() {
            if (!conclusive) {
                return measure.name + ": " + samples + " samples after the warm-up, too few to tell";
            }
            return String.format(Locale.ROOT, "%s: %s → %s (limit %s): %s", measure.name,
                    measure.show(earlier), measure.show(later), measure.show(limit),
                    grows ? "GROWS" : "steady");
        }
    }

    /** Judges {@code values}, in the order sampled, all taken after the warm-up. */
    Verdict judge(List<? extends Number> values) {
        int n = values.size();
        if (n < 3) {
            return new Verdict(this, n, Double.NaN, Double.NaN, Double.NaN, false, false);
        }
        int third = n / 3;
        double earlier = median(values.subList(0, third));
        double later = median(values.subList(n - third, n));
        double limit = earlier * (1 + relative) + absolute;
        return new Verdict(this, n, earlier, later, limit, later > limit, true);
    }

    String show(double value) {
        return unit.equals("MiB") ? String.format(Locale.ROOT, "%.1f MiB", value / (1 << 20))
                : String.format(Locale.ROOT, "%.0f", value);
    }

    static double median(List<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
