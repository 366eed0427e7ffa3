package dev.cloakroom.bench.load;

import java.util.Map;
import java.util.TreeMap;

/** Reads {@code INFO commandstats}: calls per command, including those scripts made inside Redis. */
final class CommandStats {

    private CommandStats() {
    }

    /** Parses {@code cmdstat_hmget:calls=12,usec=...} lines into {@code hmget -> 12}. */
    static Map<String, Long> parse(String info) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : info.split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            int colon = line.indexOf(':');
            int start = line.indexOf("calls=", colon);
            if (colon < 0 || start < 0) {
                continue;
            }
            int end = line.indexOf(',', start);
            String name = line.substring("cmdstat_".length(), colon);
            calls.put(name, Long.parseLong(line.substring(start + 6, end < 0 ? line.length() : end)));
        }
        return calls;
    }

    /** {@code after - before} per command, without {@code info} and the commands that did not change. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((name, calls) -> {
            long d = calls - before.getOrDefault(name, 0L);
            if (d > 0 && !name.equals("info") && !name.equals("echo")) {
                delta.put(name, d);
            }
        });
        return delta;
    }
}
