package dev.cloakroom.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where and when a benchmark ran, for the header of every results file: load averages matter, since a
 * busy machine makes every number lower and noisier. Whether the machine was busy is judged by the load
 * average before the run started anything: during a phase the load average counts the benchmark's own load
 * generator, JVM and servers, so it is high on any machine.
 *
 * @param started when the phase started
 * @param mode {@code full} or {@code quick}
 * @param command the command that produced the file
 * @param loadBeforeRun the 1-minute load average before the run started (before the build and the servers)
 * @param loadBefore {@code /proc/loadavg}'s 1-minute load average when the phase started
 * @param loadAfter the same when it ended
 * @param machine CPU model and count, JVM, server versions
 */
public record RunInfo(Instant started, String mode, String command, double loadBeforeRun, double loadBefore,
        double loadAfter, List<String> machine) {

    /** Above this 1-minute load average before the run, on 2 cores, the machine was busy with other work. */
    static final double BUSY = 1.5;

    /** The 1-minute load average now, or -1 where {@code /proc/loadavg} is missing. */
    public static double loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"));
            return Double.parseDouble(text.split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This run with the load average at its end. */
    public RunInfo ended() {
        return new RunInfo(started, mode, command, loadBeforeRun, loadBefore, loadAverage(), machine);
    }

    /** A Markdown header block. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("- Run: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", mode **").append(mode)
                .append("**, command `").append(command).append("`\n");
        sb.append("- Load average (1 min) before the run started ").append(Numbers.fixed(loadBeforeRun, 2));
        if (loadBeforeRun > BUSY) {
            sb.append(" — **the machine was busy with other work: numbers are low and noisy; rerun on an "
                    + "idle machine before quoting them**");
        } else {
            sb.append(" (an otherwise idle machine)");
        }
        sb.append("; at this part's start ").append(Numbers.fixed(loadBefore, 2)).append(" and end ")
                .append(Numbers.fixed(loadAfter, 2))
                .append(", which count the benchmark's own load generator, JVM and servers\n");
        for (String line : machine) {
            sb.append("- ").append(line).append('\n');
        }
        return sb.toString();
    }
}
