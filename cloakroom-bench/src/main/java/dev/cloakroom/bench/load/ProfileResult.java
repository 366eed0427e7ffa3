package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.profile.StageCounts;
import dev.cloakroom.bench.profile.ThreadKind;
import java.util.Map;

/**
 * One variant on one endpoint under a JFR recording ({@link ProfileRun}).
 *
 * @param variant the variant
 * @param endpoint the endpoint
 * @param wrk the measured wrk run
 * @param cpuNanos the CPU time of the JVM while wrk ran (the bench app's JVM, JFR's own work included)
 * @param threads CPU time by kind of thread while wrk ran, {@code [user, system]} nanoseconds; empty where
 *     the platform does not tell each thread's time
 * @param counts the request threads' execution samples by stage and method
 * @param otherThreads the busiest threads of {@link ThreadKind#OTHER} while wrk ran: name (as Linux keeps
 *     it) to CPU nanoseconds, most first
 * @param storeCpuNanos the CPU time of the store's server while wrk ran ({@link dev.cloakroom.bench.profile
 *     .StoreCpu}): the bench's Redis, or every PostgreSQL process
 */
public record ProfileResult(Variant variant, Endpoint endpoint, WrkResult wrk, long cpuNanos,
        Map<ThreadKind, long[]> threads, StageCounts counts, Map<String, Long> otherThreads,
        long storeCpuNanos) {

    /** Requests per second. */
    public double throughput() {
        return wrk.throughput();
    }

    /** The JVM's CPU time per request, in microseconds. */
    public double cpuMicrosPerRequest() {
        return perRequest(cpuNanos);
    }

    /** The store server's CPU time per request (Redis or PostgreSQL), in microseconds. */
    public double storeCpuMicrosPerRequest() {
        return perRequest(storeCpuNanos);
    }

    /** The CPU time of {@code kind}'s threads per request, user and system, in microseconds. */
    public double micros(ThreadKind kind) {
        long[] t = threads.get(kind);
        return t == null ? 0 : perRequest(t[0] + t[1]);
    }

    /** The request threads' time in the kernel (system calls) per request, in microseconds. */
    public double servingSystemMicros() {
        long[] t = threads.get(ThreadKind.SERVING);
        return t == null ? 0 : perRequest(t[1]);
    }

    /**
     * The request threads' user time per request spent in {@code stage}, in microseconds: the stage's share
     * of the samples times that time (times the JVM's whole CPU time where threads are not told apart).
     */
    public double stageMicros(String stage) {
        long[] t = threads.get(ThreadKind.SERVING);
        return counts.share(stage) * (t == null ? perRequest(cpuNanos) : perRequest(t[0]));
    }

    /** CPU time per request no live thread accounts for (threads that ended while wrk ran), microseconds. */
    public double unattributedMicros() {
        if (threads.isEmpty()) {
            return 0;
        }
        long sum = threads.values().stream().mapToLong(t -> t[0] + t[1]).sum();
        return perRequest(cpuNanos - sum);
    }

    private double perRequest(long nanos) {
        return wrk.requests() == 0 ? 0 : nanos / 1000.0 / wrk.requests();
    }
}
