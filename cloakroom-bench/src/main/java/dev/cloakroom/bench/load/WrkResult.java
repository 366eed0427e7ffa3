package dev.cloakroom.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk run: requests completed in how long, errors (connection errors, timeouts, and answers other than
 * 2xx/3xx), and latency percentiles in microseconds, as the script's {@code done()} printed them.
 */
public record WrkResult(long requests, long durationMicros, long errors, long p50Micros, long p90Micros,
        long p99Micros, long p999Micros, long maxMicros) {

    private static final Pattern FIELD = Pattern.compile("\"([a-z0-9_]+)\":([0-9.]+)");

    /** Requests per second. */
    public double throughput() {
        return durationMicros == 0 ? 0 : requests * 1_000_000.0 / durationMicros;
    }

    /**
     * Parses the {@code WRK_RESULT {...}} line of wrk's output.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static WrkResult parse(String output) {
        int at = output.indexOf("WRK_RESULT ");
        if (at < 0) {
            throw new IllegalArgumentException("wrk printed no WRK_RESULT line: " + output.strip());
        }
        int end = output.indexOf('\n', at);
        String json = output.substring(at, end < 0 ? output.length() : end);
        Map<String, Double> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            f.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        for (String required : List.of("requests", "duration_us", "p50_us", "p99_us")) {
            if (!f.containsKey(required)) {
                throw new IllegalArgumentException("wrk's result lacks " + required + ": " + json);
            }
        }
        long errors = (long) (f.getOrDefault("connect_errors", 0.0) + f.getOrDefault("read_errors", 0.0)
                + f.getOrDefault("write_errors", 0.0) + f.getOrDefault("status_errors", 0.0)
                + f.getOrDefault("timeouts", 0.0));
        return new WrkResult(required(f, "requests"), required(f, "duration_us"), errors,
                required(f, "p50_us"), f.getOrDefault("p90_us", 0.0).longValue(),
                required(f, "p99_us"),
                f.getOrDefault("p999_us", 0.0).longValue(), f.getOrDefault("max_us", 0.0).longValue());
    }

    private static long required(java.util.Map<String, Double> fields, String name) {
        Double value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("wrk's report has no " + name);
        }
        return value.longValue();
    }
}
