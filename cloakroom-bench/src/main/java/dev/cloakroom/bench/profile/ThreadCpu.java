package dev.cloakroom.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of each thread of this JVM, GC and JIT threads included, from Linux's
 * {@code /proc/self/task/<tid>/stat} (user and system time, in clock ticks); empty elsewhere.
 */
public final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");

    /**
     * One thread's CPU time.
     *
     * @param name its name, as Linux keeps it (at most 15 characters)
     * @param userNanos time in user mode
     * @param systemNanos time in the kernel (system calls: sockets, futexes)
     */
    public record Times(String name, long userNanos, long systemNanos) {
    }

    private final long nanosPerTick;

    /** Reads the clock tick from {@code getconf CLK_TCK} (100 if that fails). */
    public ThreadCpu() {
        long hz = 100;
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor() == 0) {
                hz = Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // keep 100, Linux's usual USER_HZ
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        this.nanosPerTick = 1_000_000_000L / hz;
    }

    /** Every live thread's times by thread id; empty where {@code /proc} is missing. */
    public Map<Integer, Times> snapshot() {
        Map<Integer, Times> times = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return times;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    Times t = parse(Files.readString(task.resolve("stat"), StandardCharsets.UTF_8),
                            nanosPerTick);
                    times.put(Integer.parseInt(task.getFileName().toString()), t);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return times;
    }

    /** A {@code stat} line: {@code tid (name) state ...}, utime and stime the 14th and 15th fields. */
    static Times parse(String stat, long nanosPerTick) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String[] fields = stat.substring(close + 2).trim().split(" ");
        return new Times(name, Long.parseLong(fields[11]) * nanosPerTick,
                Long.parseLong(fields[12]) * nanosPerTick);
    }

    /**
     * The {@code n} threads of {@code kind} that took the most CPU time between two snapshots: name to
     * nanoseconds, most first (threads of one name summed).
     */
    public static Map<String, Long> busiest(Map<Integer, Times> before, Map<Integer, Times> after,
            ThreadKind kind, int n) {
        Map<String, Long> byName = new HashMap<>();
        after.forEach((tid, t) -> {
            if (ThreadKind.of(t.name()) == kind) {
                Times b = before.get(tid);
                long was = b == null || !b.name().equals(t.name()) ? 0 : b.userNanos() + b.systemNanos();
                byName.merge(t.name(), t.userNanos() + t.systemNanos() - was, Long::sum);
            }
        });
        Map<String, Long> top = new java.util.LinkedHashMap<>();
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /**
     * CPU time spent between two snapshots, by kind of thread: {@code [user, system]} nanoseconds (threads
     * started in between count from zero; threads that ended in between are lost).
     */
    public static Map<ThreadKind, long[]> byKind(Map<Integer, Times> before, Map<Integer, Times> after) {
        Map<ThreadKind, long[]> kinds = new EnumMap<>(ThreadKind.class);
        for (ThreadKind k : ThreadKind.values()) {
            kinds.put(k, new long[2]);
        }
        after.forEach((tid, t) -> {
            Times b = before.get(tid);
            if (b == null || !b.name().equals(t.name())) {
                b = new Times(t.name(), 0, 0);
            }
            long[] acc = java.util.Objects.requireNonNull(kinds.get(ThreadKind.of(t.name())));
            acc[0] += t.userNanos() - b.userNanos();
            acc[1] += t.systemNanos() - b.systemNanos();
        });
        return kinds;
    }
}
