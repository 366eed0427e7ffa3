package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void urlsNameTheirDialect() {
        assertThat(SqlDialect.forUrl("jdbc:sqlite:sessions.db")).isInstanceOf(SqliteDialect.class);
        assertThat(SqlDialect.forUrl("jdbc:postgresql://db/app")).isInstanceOf(PostgresDialect.class);
        assertThat(SqlDialect.forUrl("jdbc:mariadb://db/app")).isInstanceOf(MariaDbDialect.class);
        assertThat(SqlDialect.forUrl("jdbc:mysql://db/app")).isInstanceOf(MariaDbDialect.class);
        assertThat(SqlDialect.forUrl("jdbc:h2:mem:x")).isNull();
        assertThat(SqlDialect.forProduct("MariaDB")).isInstanceOf(MariaDbDialect.class);
        assertThat(SqlDialect.forProduct("PostgreSQL")).isInstanceOf(PostgresDialect.class);
        assertThat(SqlDialect.forProduct("SQLite")).isInstanceOf(SqliteDialect.class);
    }

    @Test
    void descriptionsNameHostAndPortButNeverCredentials() {
        assertThat(new PostgresDialect().describe("jdbc:postgresql://db.example.com/app?password=hunter2"))
                .isEqualTo("PostgreSQL at db.example.com:5432");
        assertThat(new PostgresDialect().describe("jdbc:postgresql://a:5433,b/app")).isEqualTo(
                "PostgreSQL at a:5433,b:5432");
        assertThat(new PostgresDialect().describe("jdbc:postgresql:app"))
                .isEqualTo("PostgreSQL at localhost:5432");
        assertThat(new MariaDbDialect().describe("jdbc:mysql://app:hunter2@db:3307/app"))
                .isEqualTo("MySQL at db:3307");
        assertThat(new MariaDbDialect().describe("jdbc:mariadb://[::1]/app"))
                .isEqualTo("MariaDB at [::1]:3306");
        assertThat(new SqliteDialect().describe("jdbc:sqlite:/var/lib/app/sessions.db?journal_mode=WAL"))
                .isEqualTo("SQLite file /var/lib/app/sessions.db");
    }

    @Test
    void driverPropertiesTheUrlSetsAreLeftToTheUrl() {
        Map<String, String> properties = new PostgresDialect().driverProperties(Duration.ofMillis(1500),
                Duration.ofSeconds(10));
        assertThat(properties).containsEntry("connectTimeout", "2").containsEntry("socketTimeout", "10");
        assertThat(SqlDialect.unlessInUrl("jdbc:postgresql://db/app?SocketTimeout=30&user=x", properties))
                .doesNotContainKey("socketTimeout").containsEntry("connectTimeout", "2");
    }

    @Test
    void mysqlUrlsGetTheMariaDbDriversPermissionWhenMySqlsDriverIsAbsent() {
        assertThat(new MariaDbDialect().driverUrl("jdbc:mysql://db/app")).isEqualTo(
                "jdbc:mysql://db/app?permitMysqlScheme");
        assertThat(new MariaDbDialect().driverUrl("jdbc:mysql://db/app?user=x")).isEqualTo(
                "jdbc:mysql://db/app?user=x&permitMysqlScheme");
        assertThat(new MariaDbDialect().driverUrl("jdbc:mariadb://db/app"))
                .isEqualTo("jdbc:mariadb://db/app");
    }

    /** Python's str(datetime): microseconds only when not zero, nanoseconds cut as Python has none. */
    @Test
    void sqliteTextIsPythonsStrOfTheUtcDatetime() {
        assertThat(SqliteDialect.format(Instant.parse("2025-12-06T00:00:00Z")))
                .isEqualTo("2025-12-06 00:00:00");
        assertThat(SqliteDialect.format(Instant.parse("2025-12-06T00:00:00.000001999Z")))
                .isEqualTo("2025-12-06 00:00:00.000001");
        assertThat(SqliteDialect.format(Instant.parse("0999-01-02T03:04:05.5Z")))
                .isEqualTo("0999-01-02 03:04:05.500000");
    }

    @Test
    void statementsAreBuiltOnceWithQuotedNames() {
        SqlStatements sql = SqlStatements.of(new MariaDbDialect(), "sessions", "user_id");
        assertThat(sql.load()).isEqualTo("SELECT `session_data`, `expire_date`, `user_id` FROM `sessions` "
                + "WHERE `session_key` = ? AND `expire_date` > ?");
        assertThat(sql.replace()).isEqualTo("UPDATE `sessions` SET `session_data` = ?, `expire_date` = ?, "
                + "`user_id` = ? WHERE `session_key` = ? AND BINARY `session_data` = ?");
        assertThat(SqlStatements.of(new PostgresDialect(), "django_session", null).insert()).isEqualTo(
                "INSERT INTO \"django_session\" (\"session_key\", \"session_data\", \"expire_date\") "
                        + "VALUES (?, ?, ?) "
                        + "ON CONFLICT (\"session_key\") DO NOTHING");
        assertThat(sql.replaceByDigest()).isEqualTo("UPDATE `sessions` SET `session_data` = ?, "
                + "`expire_date` = ?, `user_id` = ? WHERE `session_key` = ? AND MD5(`session_data`) = ?");
        assertThat(SqlStatements.of(new PostgresDialect(), "t", null).replaceByDigest())
                .endsWith(" AND md5(\"session_data\") = ?");
        assertThat(SqlStatements.of(new SqliteDialect(), "t", null).sessionsOf()).isNull();
        assertThat(SqlStatements.of(new SqliteDialect(), "t", null).replaceByDigest()).isNull();
    }

    /** The digest the databases' md5() gives for ASCII; other data has none and is compared whole. */
    @Test
    void dataDigestIsMd5HexOfAsciiOnly() {
        assertThat(DataDigest.md5Hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(DataDigest.md5Hex("eyJhIjoxfQ:1vMb2m:AbC")).hasSize(32).matches("[0-9a-f]{32}")
                .isNotEqualTo(DataDigest.md5Hex("eyjhijoxfq:1vmb2m:abc"));
        assertThat(DataDigest.md5Hex("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(DataDigest.md5Hex("caf\u00e9")).isNull();
    }
}
