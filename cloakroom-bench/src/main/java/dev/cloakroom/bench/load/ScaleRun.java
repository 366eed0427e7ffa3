package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.Endpoint;
import dev.cloakroom.bench.micro.SessionPayloads;
import dev.cloakroom.internal.SessionCodec;
import dev.cloakroom.jdbc.JdbcEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The scale run on PostgreSQL, Cloakroom's {@code db} engine only: for each size, fills
 * {@code django_session} with that many live sessions ({@code generate_series}, one real encoded session
 * as everybody's data), makes the sessions wrk uses through the login endpoint, and measures {@code read}
 * and {@code incr}. At the cleanup size, it then adds expired sessions and runs {@code clearExpired()}
 * (what {@code clearsessions} runs) while wrk keeps reading, in windows, against windows without cleanup:
 * once per configured pause between batches.
 */
public final class ScaleRun {

    private static final long CHUNK = 1_000_000;

    /** The cleanup windows read at this fraction of the read throughput measured at the same size. */
    static final double READ_RATE_FRACTION = 0.5;

    private final FixedRateDriver driver = new FixedRateDriver(100);

    /**
     * @param sizes live sessions to measure at, ascending
     * @param measure wrk time per endpoint and size
     * @param window wrk time of one window around the cleanup
     * @param cleanupAt the size at which the cleanup is measured (0 for none)
     * @param expiredRows expired sessions added for each cleanup
     * @param cleanups one cleanup per entry, paced as it says
     */
    public record Config(List<Long> sizes, Duration measure, Duration window, long cleanupAt,
            long expiredRows, List<Pacing> cleanups) {
    }

    /**
     * How a cleanup goes: {@code clearExpiredBatchSize} rows per {@code DELETE}, {@code clearExpiredPause}
     * between two.
     *
     * @param batchSize rows per batch
     * @param pause the pause between batches
     */
    public record Pacing(int batchSize, Duration pause) {

        /** For tables: {@code 10,000 rows, no pause} or {@code 1,000 rows, 100 ms apart}. */
        public String label() {
            return String.format(java.util.Locale.ROOT, "%,d rows, ", batchSize)
                    + (pause.isZero() ? "no pause" : pause.toMillis() + " ms apart");
        }
    }

    /** Latencies at one size. */
    public record SizeResult(long liveRows, WrkResult read, WrkResult incr) {
    }

    /**
     * One cleanup under load, paced by {@code pacing}, while reads came at {@code rate} per second (the
     * windows: fixed-rate runs of the bench's {@link FixedRateDriver}); {@code backgroundWithout} and
     * {@code backgroundDuring} say what PostgreSQL ran in the background during the windows (autovacuum
     * workers, checkpoints), empty for nothing.
     */
    public record CleanupResult(long liveRows, long expiredRows, Pacing pacing, double rate, long deleted,
            double seconds, List<FixedRateDriver.Result> without, List<FixedRateDriver.Result> during,
            String backgroundWithout, String backgroundDuring) {

        /** Rows deleted per second of cleanup. */
        public double rowsPerSecond() {
            return seconds <= 0 ? 0 : deleted / seconds;
        }
    }

    /** Everything the run measured. */
    public record Result(List<SizeResult> sizes, List<CleanupResult> cleanups) {
    }

    private final BenchApp app;
    private final BenchStores stores;
    private final Wrk wrk;
    private final Config config;
    private final int sessions;
    private final Path workDir;
    private final Consumer<String> log;
    private final HttpDriver http = new HttpDriver();

    public ScaleRun(BenchApp app, BenchStores stores, Wrk wrk, Config config, int sessions, Path workDir,
            Consumer<String> log) {
        this.app = app;
        this.stores = stores;
        this.wrk = wrk;
        this.config = config;
        this.sessions = sessions;
        this.workDir = workDir;
        this.log = log;
    }

    /** Runs every size, then the cleanup; the table is emptied first and left filled. */
    public Result run() throws Exception {
        stores.reset();
        Map<String, Object> data = new LinkedHashMap<>(SessionPayloads.of(100));
        String encoded = SessionCodec.of(stores.settings()).encode(data);
        List<SizeResult> sizes = new ArrayList<>();
        List<CleanupResult> cleanups = new ArrayList<>();
        long filled = 0;
        for (long size : config.sizes()) {
            filled = fill(filled, size, encoded, "live", "now() + interval '14 days'");
            Path cookies = makeSessions("scale-" + size);
            // The first size runs in a fresh JVM: warm both endpoints up as long as they are measured, or
            // the smallest table would look slowest. Later sizes need only a short warm-up of the new rows.
            Duration warmUp = sizes.isEmpty() ? config.measure() : Duration.ofSeconds(2);
            wrk.run(app.url(Variant.CLOAKROOM_DB, Endpoint.READ), warmUp, cookies);
            wrk.run(app.url(Variant.CLOAKROOM_DB, Endpoint.INCR), warmUp, cookies);
            WrkResult read = wrk.run(app.url(Variant.CLOAKROOM_DB, Endpoint.READ), config.measure(), cookies);
            WrkResult incr = wrk.run(app.url(Variant.CLOAKROOM_DB, Endpoint.INCR), config.measure(), cookies);
            log.accept(String.format(java.util.Locale.ROOT,
                    "scale %,d live: read p50 %.2f p99 %.2f ms, incr p50 "
                    + "%.2f p99 %.2f ms", size, read.p50Micros() / 1000.0, read.p99Micros() / 1000.0,
                    incr.p50Micros() / 1000.0, incr.p99Micros() / 1000.0));
            sizes.add(new SizeResult(size, read, incr));
            if (size == config.cleanupAt() && config.expiredRows() > 0) {
                // Live traffic comes at a rate, not as fast as the server answers: the windows read at half
                // the rate this size sustained, so a stall shows as queueing (from each request's intended
                // send time) instead of being hidden by a closed loop that stops sending, or drowned by one
                // that keeps the CPUs saturated.
                double rate = FixedRateDriver.rate(read.throughput(), READ_RATE_FRACTION);
                for (Pacing pacing : config.cleanups()) {
                    cleanups.add(cleanup(size, encoded, Files.readAllLines(cookies), pacing, rate));
                }
            }
        }
        return new Result(sizes, cleanups);
    }

    /** One window of reads at {@code rate}, each request with one of the sessions' cookies. */
    private FixedRateDriver.Result window(URI url, double rate, List<String> cookies)
            throws InterruptedException {
        return driver.run(url, rate, config.window(), config.window(), "sessionid", cookies);
    }

    private CleanupResult cleanup(long live, String encoded, List<String> cookies, Pacing pacing, double rate)
            throws Exception {
        fill(0, config.expiredRows(), encoded, "expired", "now() - interval '1 day'");
        JdbcEngine engine = stores.cloakroomDbEngine(pacing.batchSize(), pacing.pause());
        URI url = URI.create(app.url(Variant.CLOAKROOM_DB, Endpoint.READ));
        List<FixedRateDriver.Result> without = new ArrayList<>();
        List<FixedRateDriver.Result> during = new ArrayList<>();
        String backgroundWithout;
        String backgroundDuring;
        int deleted;
        double seconds;
        try (PostgresActivity activity = new PostgresActivity(stores.dataSource(Variant.CLOAKROOM_DB)
                .target())) {
            // The refill's INSERT, VACUUM and CHECKPOINT went through the 128 MB buffer cache and pushed the
            // live sessions out of it, and may have woken autovacuum: wait for background work to end, then
            // read for one unmeasured window, so the baseline measures reads, not the refill's wake.
            long waited = activity.settle(120_000);
            window(url, rate, cookies);
            String settling = activity.sinceLastMark();
            log.accept("after the refill: waited " + waited + " ms for background work, then one unmeasured "
                    + "window" + (settling.isEmpty() ? "" : " (" + settling + ")"));
            for (int i = 0; i < 2; i++) {
                without.add(window(url, rate, cookies));
            }
            backgroundWithout = activity.sinceLastMark();
            long started = System.nanoTime();
            CompletableFuture<Integer> deleting = CompletableFuture.supplyAsync(engine::clearExpired);
            while (!deleting.isDone() && during.size() < 120) {
                during.add(window(url, rate, cookies));
            }
            deleted = deleting.join();
            seconds = (System.nanoTime() - started) / 1e9;
            backgroundDuring = activity.sinceLastMark();
        }
        log.accept(String.format(java.util.Locale.ROOT, "cleanup (%s): %,d expired rows deleted "
                + "among %,d live in %.1f s (%,.0f rows/s), %d windows of reads at %,.0f/s; background "
                + "without: %s; during: %s", pacing.label(), deleted, live, seconds,
                deleted / Math.max(seconds, 1e-9), during.size(), rate,
                backgroundWithout.isEmpty() ? "none" : backgroundWithout,
                backgroundDuring.isEmpty() ? "none" : backgroundDuring));
        return new CleanupResult(live, config.expiredRows(), pacing, rate, deleted, seconds, without, during,
                backgroundWithout, backgroundDuring);
    }

    /** Inserts rows {@code from+1 .. to} named {@code md5(tag || i)}; returns {@code to}. */
    private long fill(long from, long to, String encoded, String tag, String expiry) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = stores.dataSource(Variant.CLOAKROOM_DB).target().getConnection()) {
            for (long low = from + 1; low <= to; low += CHUNK) {
                long high = Math.min(to, low + CHUNK - 1);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO django_session (session_key, "
                        + "session_data, expire_date) SELECT md5(? || i), ?, " + expiry
                        + " FROM generate_series(?::bigint, ?::bigint) AS i")) {
                    s.setString(1, tag);
                    s.setString(2, encoded);
                    s.setLong(3, low);
                    s.setLong(4, high);
                    s.executeUpdate();
                }
                log.accept(String.format(java.util.Locale.ROOT, "inserted %s sessions up to %,d", tag, high));
            }
            // VACUUM now, not autovacuum during the measurement: after millions of inserts (or a cleanup's
            // deletes) it would run while wrk does, and the p99 would measure it. CHECKPOINT for the same
            // reason: the fill's dirty pages would otherwise be written out during the next windows.
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) django_session");
                s.execute("CHECKPOINT");
            }
        }
        if (to > from) {
            log.accept(String.format(java.util.Locale.ROOT, "filled %,d %s sessions in %.1f s",
                    to - from, tag,
                    (System.nanoTime() - started) / 1e9));
        }
        return to;
    }

    private Path makeSessions(String name) throws Exception {
        List<String> cookies = http.sessions(app.url(Variant.CLOAKROOM_DB, Endpoint.LOGIN),
                Variant.CLOAKROOM_DB.cookieName(), sessions);
        Path file = workDir.resolve("cookies-" + name + ".txt");
        Files.write(file, cookies);
        return file;
    }
}
