package dev.cloakroom.bench.profile;

import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time of the store's server processes, read from the operating system: the bench's own Redis (one
 * process, found by the {@code process_id} its {@code INFO server} gives) or every PostgreSQL process
 * (the server and its backends, whose command is the {@code postgres} binary). Counting the whole
 * PostgreSQL server is fair while the bench is the only client, which a measured run is.
 */
public final class StoreCpu {

    private StoreCpu() {
    }

    /** The CPU time so far of the Redis whose {@code INFO server} text is {@code info}; 0 if unknown. */
    public static long redisNanos(String info) {
        return pid(info).flatMap(ProcessHandle::of).map(StoreCpu::nanos).orElse(0L);
    }

    /** The CPU time so far of every live {@code postgres} process of this machine. */
    public static long postgresNanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(StoreCpu::isPostgres).orElse(false))
                .mapToLong(StoreCpu::nanos).sum();
    }

    /** The {@code process_id} line of {@code INFO server}. */
    static Optional<Long> pid(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                try {
                    return Optional.of(Long.parseLong(line.substring("process_id:".length()).trim()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPostgres(String command) {
        return command.equals("postgres") || command.endsWith("/postgres");
    }

    private static long nanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
