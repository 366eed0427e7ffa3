package dev.cloakroom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator at a fixed rate, the model of wrk2: request {@code i} is due at
 * {@code start + i / rate} whatever happened to the requests before it, and its latency is measured from
 * that intended send time, not from when a connection was free to send it. A server that stalls for 300 ms
 * thus shows every request due during the stall as late, as the users arriving then would see it, where a
 * closed loop (wrk) would have stopped sending and recorded one slow request per connection: the
 * coordinated omission that hides queueing.
 *
 * <p>Each of {@link #connections()} threads owns one keep-alive connection and takes the next due request
 * in turn; when all are busy, due requests wait, and the wait counts. Requests not sent by the end of the
 * grace period (an overloaded server) are recorded as late by the time they had waited then, and counted.
 */
public final class FixedRateDriver {

    /** Latencies are recorded in microseconds, up to an hour, to 3 significant digits. */
    static final long HIGHEST_MICROS = 3_600_000_000L;

    private final int connections;

    /** A driver with {@code connections} connections (and as many threads). */
    public FixedRateDriver(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, was " + connections);
        }
        this.connections = connections;
    }

    public int connections() {
        return connections;
    }

    /**
     * What one run measured.
     *
     * @param targetRate the requests per second asked for
     * @param durationNanos the schedule's length: requests were due during it
     * @param due requests due in the schedule ({@code targetRate × duration})
     * @param completed requests answered (any status)
     * @param errors answers other than 2xx/3xx, and failed connections
     * @param unsent due requests never sent because the grace period ran out
     * @param latencyMicros every due request's latency from its intended send time, in microseconds
     * @param elapsedNanos from the start until the last answer
     */
    public record Result(double targetRate, long durationNanos, long due, long completed, long errors,
            long unsent, Histogram latencyMicros, long elapsedNanos) {

        /** Answers per second over the schedule's length plus the time to drain. */
        public double achievedRate() {
            return elapsedNanos == 0 ? 0 : completed * 1e9 / Math.max(elapsedNanos, durationNanos);
        }

        /** The latency at {@code percentile} (0-100), in milliseconds, from the intended send time. */
        public double millisAt(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        /** Whether the server kept up: all sent, and answered at 95% of the asked rate or more. */
        public boolean keptUp() {
            return unsent == 0 && achievedRate() >= 0.95 * targetRate;
        }
    }

    /** The intended send time of request {@code i} (from 0), in nanoseconds after the start. */
    static long intendedOffsetNanos(long i, double ratePerSecond) {
        return (long) (i * (1e9 / ratePerSecond));
    }

    /** How many requests a schedule of {@code duration} at {@code ratePerSecond} holds. */
    static long dueRequests(double ratePerSecond, Duration duration) {
        long end = duration.toNanos();
        // the smallest n with intendedOffsetNanos(n) >= end
        long n = (long) Math.ceil(end * ratePerSecond / 1e9);
        while (n > 0 && intendedOffsetNanos(n - 1, ratePerSecond) >= end) {
            n--;
        }
        while (intendedOffsetNanos(n, ratePerSecond) < end) {
            n++;
        }
        return n;
    }

    /**
     * Sends {@code GET url} at {@code ratePerSecond} for {@code duration}; request {@code i} carries the
     * cookie {@code cookies[i % size]} (as {@code cookieName=value}), or none if {@code cookies} is empty.
     * Waits at most {@code grace} after the schedule's end for late requests to be sent and answered.
     */
    public Result run(URI url, double ratePerSecond, Duration duration, Duration grace, String cookieName,
            List<String> cookies) throws InterruptedException {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String host = java.util.Objects.requireNonNull(url.getHost(), "url host");
        long due = dueRequests(ratePerSecond, duration);
        AtomicLong next = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + 20_000_000; // every thread is parked before the first is due
        long stopSending = start + duration.toNanos() + grace.toNanos();
        for (int c = 0; c < connections; c++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            Thread t = new Thread(() -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    for (long i = next.getAndIncrement(); i < due; i = next.getAndIncrement()) {
                        long intended = start + intendedOffsetNanos(i, ratePerSecond);
                        waitUntil(intended);
                        if (System.nanoTime() >= stopSending) {
                            next.set(due); // no one sends any more
                            break;
                        }
                        String cookie = cookies.isEmpty() ? null
                                : cookieName + "=" + cookies.get((int) (i % cookies.size()));
                        try {
                            int status = connection.get(target, cookie);
                            if (status >= 400) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        long now = System.nanoTime();
                        completed.incrementAndGet();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (now - intended) / 1000)));
                    }
                }
            }, "fixed-rate-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        long sentOrAnswered = completed.get();
        long unsent = due - sentOrAnswered;
        // the requests never sent were due and waited until the end of the grace period at least
        long firstUnsent = sentOrAnswered;
        for (long i = firstUnsent; i < due; i++) {
            long waited = (stopSending - (start + intendedOffsetNanos(i, ratePerSecond))) / 1000;
            all.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, waited)));
        }
        long elapsed = Math.max(0, lastAnswer.get() - start);
        return new Result(ratePerSecond, duration.toNanos(), due, completed.get(), errors.get(), unsent, all,
                elapsed);
    }

    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** A rate that is {@code fraction} of {@code reference} requests per second, at least 1. */
    public static double rate(double reference, double fraction) {
        return Math.max(1, reference * fraction);
    }

    /** For logs: {@code 4,210 req/s: p50 1.20 p99 8.10 p99.9 22.0 ms}. */
    public static String describe(Result r) {
        return String.format(java.util.Locale.ROOT, "%,.0f req/s asked, %,.0f answered: p50 %.2f p99 %.2f "
                + "p99.9 %.2f ms, max %.1f ms%s%s", r.targetRate(), r.achievedRate(), r.millisAt(50),
                r.millisAt(99), r.millisAt(99.9), r.latencyMicros().getMaxValue() / 1000.0,
                r.errors() > 0 ? ", " + r.errors() + " errors" : "",
                r.unsent() > 0 ? ", " + r.unsent() + " never sent" : "");
    }
}
