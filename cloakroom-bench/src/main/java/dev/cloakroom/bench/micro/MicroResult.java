package dev.cloakroom.bench.micro;

/**
 * One JMH result: average time per operation.
 *
 * @param benchmark the class's simple name, e.g. {@code CodecBenchmark}
 * @param operation the method, e.g. {@code encode}
 * @param size the session size parameter in bytes, or 0 when the benchmark has none
 * @param score the mean time per operation, in {@code unit}
 * @param error the 99.9% confidence half-width JMH reports (NaN with a single iteration)
 * @param unit JMH's unit, e.g. {@code us/op}
 */
public record MicroResult(String benchmark, String operation, int size, double score, double error,
        String unit) {

    /** The score in microseconds. */
    public double micros() {
        return switch (unit) {
            case "ns/op" -> score / 1000;
            case "ms/op" -> score * 1000;
            case "s/op" -> score * 1_000_000;
            default -> score;
        };
    }
}
