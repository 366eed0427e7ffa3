package dev.cloakroom.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What PostgreSQL does in the background while a measurement runs, so a slow window can be told from a
 * slow cleanup: autovacuum and autoanalyze workers (sampled every {@value #SAMPLE_MILLIS} ms), and
 * checkpoints (counted by {@code pg_stat_bgwriter}). {@link #settle} waits until none of them runs.
 */
final class PostgresActivity implements AutoCloseable {

    static final long SAMPLE_MILLIS = 100;

    private final DataSource dataSource;
    private final Thread sampler;
    private final Set<String> seen = new TreeSet<>();
    private volatile boolean running = true;
    private long checkpointsAtMark;

    /** Starts sampling through a connection of {@code dataSource}. */
    PostgresActivity(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        checkpointsAtMark = checkpoints();
        sampler = new Thread(this::sample, "postgres-activity");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (running) {
                try (ResultSet r = s.executeQuery("SELECT backend_type || ': ' || coalesce(query, '') "
                        + "FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' "
                        + "AND datname = current_database()")) {
                    while (r.next()) {
                        String what = r.getString(1);
                        synchronized (seen) {
                            seen.add(what.length() > 80 ? what.substring(0, 80) : what);
                        }
                    }
                }
                Thread.sleep(SAMPLE_MILLIS);
            }
        } catch (SQLException e) {
            synchronized (seen) {
                seen.add("sampling failed: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What ran in the background since the last call (autovacuum workers, checkpoints), or an empty
     * string; starts a new period.
     */
    String sinceLastMark() throws SQLException {
        StringBuilder sb = new StringBuilder();
        synchronized (seen) {
            sb.append(String.join("; ", seen));
            seen.clear();
        }
        long checkpoints = checkpoints();
        if (checkpoints > checkpointsAtMark) {
            sb.append(sb.length() > 0 ? "; " : "").append(checkpoints - checkpointsAtMark)
                    .append(" checkpoint(s)");
        }
        checkpointsAtMark = checkpoints;
        return sb.toString();
    }

    /**
     * Waits until no autovacuum worker runs in this database and no checkpoint is under way, for at most
     * {@code maxMillis}; returns how long it waited.
     */
    long settle(long maxMillis) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while ((System.nanoTime() - started) / 1_000_000 < maxMillis) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE "
                        + "(backend_type = 'autovacuum worker' AND datname = current_database()) OR "
                        + "(backend_type = 'checkpointer' AND wait_event IS DISTINCT FROM "
                        + "'CheckpointerMain')")) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(SAMPLE_MILLIS);
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Checkpoints so far: {@code pg_stat_bgwriter} to PostgreSQL 16, {@code pg_stat_checkpointer} after. */
    private long checkpoints() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean checkpointer;
            try (ResultSet r = s.executeQuery(
                    "SELECT to_regclass('pg_catalog.pg_stat_checkpointer') IS NOT NULL")) {
                r.next();
                checkpointer = r.getBoolean(1);
            }
            try (ResultSet r = s.executeQuery(checkpointer
                    ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
                    : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(5_000);
    }
}
