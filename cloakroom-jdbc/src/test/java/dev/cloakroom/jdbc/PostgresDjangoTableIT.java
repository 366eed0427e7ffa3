package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.RecordingDataSource;
import dev.cloakroom.testservers.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Django's table on the test PostgreSQL. */
class PostgresDjangoTableIT extends DjangoTableContract {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.postgres();

    @Override
    protected DataSource dataSource() {
        return DB.dataSource();
    }

    @Override
    protected String jdbcUrl() {
        return TestDatabases.POSTGRES_URL;
    }

    /**
     * A cleanup batch finds its rows through the {@code expire_date} index and deletes them by key, in the
     * plan for these values and in the generic plan PostgreSQL caches once the driver prepares the statement
     * on the server: a plan that scanned the table would read every live row, and every row the earlier
     * batches deleted, once per batch.
     */
    @org.junit.jupiter.api.Test
    void clearExpiredBatchesReadTheExpireDateIndexNotTheTable() throws SQLException {
        RecordingDataSource recording = new RecordingDataSource(dataSource());
        engine();
        JdbcEngine engine = JdbcEngine.builder(recording).table(table).clock(clock).createSchema(false)
                .clearExpiredBatchSize(1_000).build();
        try (Connection c = dataSource().getConnection()) {
            insertRows(c, table, "living", 50_000, clock.instant().plusSeconds(3600));
            insertRows(c, table, "expired", 50_000, clock.instant().minusSeconds(60));
            c.createStatement().execute("ANALYZE " + table);
        }
        assertThat(engine.clearExpired()).isEqualTo(50_000);
        String delete = recording.executed.get(0);
        try (Connection c = dataSource().getConnection()) {
            insertRows(c, table, "again", 50_000, clock.instant().minusSeconds(60));
            c.createStatement().execute("ANALYZE " + table);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                c.createStatement().execute("SET plan_cache_mode = " + mode);
                String plan = explain(c, delete);
                assertThat(plan).as(mode + "\n" + plan)
                        .contains("Index Scan using " + table + "_expire_date")
                        .doesNotContain("Seq Scan");
            }
            c.createStatement().execute("RESET plan_cache_mode");
        }
    }

    private String explain(Connection c, String delete) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + delete)) {
            explain.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            explain.setInt(2, 1_000);
            try (java.sql.ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    /** psycopg sends an aware UTC datetime; the naive text read as UTC is the same instant. */
    @Override
    protected String djangoInsert(String table) {
        return "INSERT INTO " + table + " (session_key, session_data, expire_date) "
                + "VALUES (?, ?, CAST(? AS timestamp) AT TIME ZONE 'UTC')";
    }

    @Override
    protected void insertRows(Connection c, String table, String prefix, int count, Instant expireAt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                + " (session_key, session_data, expire_date) SELECT ? || lpad(g::text, 12, '0'), 'data', ? "
                + "FROM generate_series(1, ?) g")) {
            insert.setString(1, prefix);
            insert.setObject(2, expireAt.atOffset(ZoneOffset.UTC));
            insert.setInt(3, count);
            assertThat(insert.executeUpdate()).isEqualTo(count);
        }
    }

    @Override
    protected String expireDateAsUtcText(String table) {
        return "SELECT to_char(expire_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM " + table
                + " WHERE session_key = ?";
    }

    @Override
    protected List<String> djangoDdl(String table) {
        return djangoTableDdl("\"", table, "text", "timestamp with time zone",
                "CREATE INDEX \"" + djangoIndex(table, "session_key", "_like") + "\" ON \"" + table
                        + "\" (\"session_key\" varchar_pattern_ops)");
    }

    @Override
    protected void assertDjangoSchema(Connection c, String table) throws SQLException {
        assertThat(strings(c, "SELECT column_name, data_type, character_maximum_length, is_nullable "
                + "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                + "ORDER BY ordinal_position", table)).containsExactly(
                "session_key character varying 40 NO",
                "session_data text null NO",
                "expire_date timestamp with time zone null NO");
        String schema = strings(c, "SELECT current_schema()").get(0);
        assertThat(strings(c, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = ?", table)).containsExactlyInAnyOrder(
                "CREATE UNIQUE INDEX " + table + "_pkey ON " + schema + "." + table
                        + " USING btree (session_key)",
                "CREATE INDEX " + djangoIndex(table, "session_key", "_like") + " ON " + schema + "." + table
                        + " USING btree (session_key varchar_pattern_ops)",
                "CREATE INDEX " + djangoIndex(table, "expire_date", "") + " ON " + schema + "." + table
                        + " USING btree (expire_date)");
        assertThat(strings(c,
                "SELECT constraint_name, constraint_type FROM information_schema.table_constraints "
                + "WHERE table_schema = current_schema() AND table_name = ? "
                + "AND constraint_type = 'PRIMARY KEY'",
                table)).containsExactly(table + "_pkey PRIMARY KEY");
    }

    @Override
    protected void assertUserColumn(Connection c, String table, String column) throws SQLException {
        assertThat(strings(c, "SELECT data_type, character_maximum_length, is_nullable FROM "
                + "information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                + "AND column_name = ?", table, column)).containsExactly("character varying 255 YES");
        assertThat(strings(c, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = ? AND indexdef LIKE '%(' || ? || ')'", table, column))
                .containsExactly(djangoIndex(table, column, ""));
    }
}
