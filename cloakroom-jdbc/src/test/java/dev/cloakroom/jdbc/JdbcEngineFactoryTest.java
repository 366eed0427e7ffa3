package dev.cloakroom.jdbc;

import dev.cloakroom.UserSessionIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.config.ConfigurationException;
import dev.cloakroom.config.Engines;
import dev.cloakroom.config.OpenedEngine;
import dev.cloakroom.config.Schema;
import dev.cloakroom.config.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code db} engine opened by name from settings, on SQLite. */
class JdbcEngineFactoryTest {

    @TempDir
    Path directory;

    private OpenedEngine open(Schema schema, String... nameValues) {
        Map<String, String> env = new HashMap<>();
        env.put("CLOAKROOM_ENGINE", "db");
        env.put("CLOAKROOM_SECRET_KEY", "k");
        for (int i = 0; i < nameValues.length; i += 2) {
            env.put(nameValues[i], nameValues[i + 1]);
        }
        return Engines.open(Settings.reader().environment(env).workingDirectory(directory).read(), schema);
    }

    @Test
    void byDefaultItIsTheDjangoTableInASqliteFileInTheWorkingDirectory() {
        try (OpenedEngine db = open(Schema.CREATE_MISSING)) {
            JdbcEngine engine = (JdbcEngine) db.engine();
            assertThat(engine.table()).isEqualTo("django_session");
            assertThat(engine).isInstanceOf(UserSessionIndex.class);
            assertThat(db.name()).isEqualTo("db");
            assertThat(db.description()).isEqualTo("jdbc:sqlite:" + directory.resolve("cloakroom.sqlite3"));
        }
        assertThat(directory.resolve("cloakroom.sqlite3")).exists();
    }

    @Test
    void tableAndUserColumnAreSettingsAndAnExistingTableIsUsedAsItIs() {
        String url = "jdbc:sqlite:" + directory.resolve("app.sqlite3");
        try (OpenedEngine created = open(Schema.CREATE_MISSING, "CLOAKROOM_DATABASE_URL", url,
                "CLOAKROOM_JDBC_TABLE", "app_sessions", "CLOAKROOM_JDBC_USER_COLUMN", "owner")) {
            assertThat(((JdbcEngine) created.engine()).table()).isEqualTo("app_sessions");
        }
        try (OpenedEngine existing = open(Schema.USE_EXISTING, "CLOAKROOM_JDBC_URL", url,
                "CLOAKROOM_JDBC_TABLE", "app_sessions", "CLOAKROOM_JDBC_USER_COLUMN", "owner")) {
            assertThat(existing.engine()).isInstanceOf(UserSessionIndex.class);
        }
        try (OpenedEngine otherColumn = open(Schema.USE_EXISTING, "CLOAKROOM_JDBC_URL", url,
                "CLOAKROOM_JDBC_TABLE", "app_sessions")) {
            assertThat(otherColumn.engine()).isInstanceOf(JdbcEngine.class)
                    .isNotInstanceOf(UserSessionIndex.class);
        }
    }

    @Test
    void unusableValuesNameTheirSetting() {
        assertThatThrownBy(() -> open(Schema.CREATE_MISSING, "CLOAKROOM_JDBC_TABLE", "drop table;"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Cannot use CLOAKROOM_JDBC_TABLE 'drop table;': ");
        assertThatThrownBy(() -> open(Schema.CREATE_MISSING, "CLOAKROOM_JDBC_USER_COLUMN", "session_key"))
                .hasMessageStartingWith("Cannot use CLOAKROOM_JDBC_USER_COLUMN 'session_key': ");
        assertThatThrownBy(() -> open(Schema.CREATE_MISSING, "CLOAKROOM_DATABASE_URL",
                "jdbc:oracle://scott:tiger@db/app"))
                .hasMessageStartingWith("Cannot use CLOAKROOM_DATABASE_URL "
                        + "'jdbc:oracle://scott:***@db/app': ")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void onAnApplicationsDataSourceTheSettingsNameTheTableAndThePoolStaysOpen() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + directory.resolve("application.sqlite3"));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (OpenedEngine created = JdbcEngineFactory.open(pool,
                    settings("CLOAKROOM_JDBC_TABLE", "app_sessions"), Schema.CREATE_MISSING)) {
                assertThat(((JdbcEngine) created.engine()).table()).isEqualTo("app_sessions");
                assertThat(created.engine()).isInstanceOf(UserSessionIndex.class);
                assertThat(created.name()).isEqualTo("db");
            }
            assertThat(pool.isClosed()).isFalse();
            try (OpenedEngine existing = JdbcEngineFactory.open(pool, settings("CLOAKROOM_JDBC_TABLE",
                    "app_sessions"), Schema.USE_EXISTING)) {
                assertThat(existing.engine()).isInstanceOf(UserSessionIndex.class);
            }
            try (OpenedEngine otherColumn = JdbcEngineFactory.open(pool, settings("CLOAKROOM_JDBC_TABLE",
                    "app_sessions", "CLOAKROOM_JDBC_USER_COLUMN", "owner"), Schema.USE_EXISTING)) {
                assertThat(otherColumn.engine()).isNotInstanceOf(UserSessionIndex.class);
            }
            assertThatThrownBy(() -> JdbcEngineFactory.open(pool, settings("CLOAKROOM_JDBC_TABLE", "no such"),
                    Schema.CREATE_MISSING)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("CLOAKROOM_JDBC_TABLE");
        }
    }

    @Test
    void onAnApplicationsDataSourceHashKeysAndTheCleanupPaceApply() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + directory.resolve("hashed.sqlite3"));
        String key = "abcdefgh12345678abcdefgh12345678";
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (OpenedEngine hashed = JdbcEngineFactory.open(pool, settings("CLOAKROOM_HASH_KEYS", "true"),
                    Schema.CREATE_MISSING)) {
                assertThat(((JdbcEngine) hashed.engine()).storedKey(key)).isNotEqualTo(key).hasSize(40);
            }
            try (OpenedEngine plain = JdbcEngineFactory.open(pool, settings(), Schema.CREATE_MISSING)) {
                assertThat(((JdbcEngine) plain.engine()).storedKey(key)).isEqualTo(key);
                assertThat(plain.engine().toString()).doesNotContain("cleanup");
            }
            try (OpenedEngine paced = JdbcEngineFactory.open(pool,
                    settings("CLOAKROOM_JDBC_CLEAR_EXPIRED_BATCH_SIZE", "1000",
                            "CLOAKROOM_JDBC_CLEAR_EXPIRED_PAUSE", "100"), Schema.CREATE_MISSING)) {
                assertThat(paced.engine().toString())
                        .endsWith(", cleanup in batches of 1000 rows, 100 ms apart]");
            }
        }
    }

    private Settings settings(String... nameValues) {
        Map<String, String> env = new HashMap<>();
        env.put("CLOAKROOM_SECRET_KEY", "k");
        for (int i = 0; i < nameValues.length; i += 2) {
            env.put(nameValues[i], nameValues[i + 1]);
        }
        return Settings.reader().environment(env).workingDirectory(directory).read();
    }
}
