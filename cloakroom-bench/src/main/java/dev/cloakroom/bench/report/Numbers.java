package dev.cloakroom.bench.report;

import java.util.Locale;

/** Number formatting shared by the tables: fixed, locale-independent. */
final class Numbers {

    private Numbers() {
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code 12,345} style for throughput. */
    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** {@code 1.52×}, or an empty cell. */
    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : fixed(value, 2) + "×";
    }

    /** {@code 1}, {@code 2}, {@code 1.03}: counts per request, exact when whole. */
    static String count(double value) {
        boolean whole = Math.abs(value - Math.rint(value)) < 0.005;
        return whole ? Long.toString(Math.round(value)) : fixed(value, 2);
    }
}
