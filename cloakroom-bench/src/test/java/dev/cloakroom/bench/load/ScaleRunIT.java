package dev.cloakroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testservers.PrivateRedis;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale run at toy sizes: the table is filled as asked; the cleanup deletes the expired rows. */
class ScaleRunIT {

    @Test
    void fillsEachSizeAndCleansUpTheExpiredRowsUnderLoad(@TempDir Path dir) throws Exception {
        ScaleRun.Config config = new ScaleRun.Config(List.of(1_000L, 5_000L), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 5_000L, 20_000L, List.of(new ScaleRun.Pacing(10_000, Duration.ZERO),
                        new ScaleRun.Pacing(5_000, Duration.ofMillis(20))));
        ScaleRun.Result result;
        long rowsAfter;
        try (PrivateRedis redis = PrivateRedis.launch();
                BenchStores stores = new BenchStores(redis.url(), TestDatabases.URL);
                BenchApp app = new BenchApp(stores, 0)) {
            Wrk wrk = new Wrk("wrk", 1, 4, dir);
            result = new ScaleRun(app, stores, wrk, config, 20, dir, message -> { }).run();
            try (Connection c = DriverManager.getConnection(TestDatabases.URL);
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM django_session")) {
                r.next();
                rowsAfter = r.getLong(1);
            }
        }

        assertThat(result.sizes()).extracting(ScaleRun.SizeResult::liveRows).containsExactly(1_000L, 5_000L);
        assertThat(result.sizes()).allSatisfy(s -> {
            assertThat(s.read().requests()).isPositive();
            assertThat(s.read().errors()).isZero();
            assertThat(s.incr().errors()).isZero();
        });
        assertThat(result.cleanups()).extracting(c -> c.pacing().pause())
                .containsExactly(Duration.ZERO, Duration.ofMillis(20));
        assertThat(result.cleanups()).allSatisfy(c -> {
            assertThat(c.deleted()).isEqualTo(20_000);
            assertThat(c.during()).isNotEmpty();
        });
        // 5,000 filled + 2 × 20 sessions made through the login endpoint; both cleanups' 20,000 expired rows
        // are gone.
        assertThat(rowsAfter).isEqualTo(5_040);
    }
}
