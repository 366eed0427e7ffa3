package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloakroom.testservers.ClassDatabase;
import dev.cloakroom.testservers.RealServers;
import dev.cloakroom.testservers.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Django's table on the test MariaDB. */
class MariaDbDjangoTableIT extends DjangoTableContract {

    @RegisterExtension
    static final ClassDatabase DB = RealServers.mariadb();

    @Override
    protected DataSource dataSource() {
        return DB.dataSource();
    }

    @Override
    protected String jdbcUrl() {
        return TestDatabases.MARIADB_URL;
    }

    /** From MariaDB's sequence engine ({@code seq_1_to_N}). */
    @Override
    protected void insertRows(Connection c, String table, String prefix, int count, Instant expireAt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                + " (session_key, session_data, expire_date) SELECT CONCAT(?, LPAD(seq, 12, '0')), 'data', ? "
                + "FROM seq_1_to_" + count)) {
            insert.setString(1, prefix);
            insert.setObject(2, LocalDateTime.ofInstant(expireAt, ZoneOffset.UTC));
            assertThat(insert.executeUpdate()).isEqualTo(count);
        }
    }

    @Override
    protected String expireDateAsUtcText(String table) {
        return "SELECT DATE_FORMAT(expire_date, '%Y-%m-%d %H:%i:%s.%f') FROM " + table
                + " WHERE session_key = ?";
    }

    /** Django's type mappings on MySQL: varchar(40) key, longtext, datetime(6), the expire_date index. */
    @Override
    protected List<String> djangoDdl(String table) {
        return djangoTableDdl("`", table, "longtext", "datetime(6)");
    }

    @Override
    protected void assertDjangoSchema(Connection c, String table) throws SQLException {
        assertThat(strings(c, "SELECT column_name, column_type, is_nullable, column_key FROM "
                + "information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? "
                + "ORDER BY ordinal_position", table)).containsExactly(
                "session_key varchar(40) NO PRI",
                "session_data longtext NO ",
                "expire_date datetime(6) NO MUL");
        assertThat(strings(c, "SELECT index_name, column_name, non_unique FROM information_schema.statistics "
                + "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY index_name", table))
                .containsExactlyInAnyOrder("PRIMARY session_key 0",
                        djangoIndex(table, "expire_date", "") + " expire_date 1");
    }

    @Override
    protected void assertUserColumn(Connection c, String table, String column) throws SQLException {
        assertThat(strings(c,
                "SELECT column_type, is_nullable, collation_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?", table, column))
                .containsExactly("varchar(255) YES utf8mb4_bin");
        assertThat(strings(c,
                "SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() "
                + "AND table_name = ? AND column_name = ?", table, column))
                .containsExactly(djangoIndex(table, column, ""));
    }
}
