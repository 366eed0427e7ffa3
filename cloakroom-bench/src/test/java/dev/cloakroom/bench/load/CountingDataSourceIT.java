package dev.cloakroom.bench.load;

import dev.cloakroom.bench.endpoints.SqlCounter;
import dev.cloakroom.bench.endpoints.CountingDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Counts what really reaches PostgreSQL: statements, commits, and transactions in and out of autocommit. */
class CountingDataSourceIT {

    @Test
    void countsStatementsCommitsAndTransactions() throws Exception {
        BenchStores.createDatabaseIfMissing(TestDatabases.URL);
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(TestDatabases.URL);
            pool.setMaximumPoolSize(1);
            CountingDataSource counting = new CountingDataSource(pool);
            try (Connection c = counting.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SELECT ?::int")) {
                    s.setInt(1, 1);
                    try (ResultSet r = s.executeQuery()) {
                        assertThat(r.next()).isTrue();
                    }
                }
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                    s.executeQuery("SELECT 2").close();
                }
                c.commit();
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 3");
                }
                c.rollback();
                c.setAutoCommit(true);
            }

            SqlCounter.Snapshot counted = counting.counter().snapshot();
            assertThat(counted.statements()).isEqualTo(4);
            assertThat(counted.commits()).isEqualTo(1);
            assertThat(counted.rollbacks()).isEqualTo(1);
            assertThat(counted.transactions()).isEqualTo(3);
            assertThat(counted.roundTrips()).isEqualTo(6);
        }
    }
}
