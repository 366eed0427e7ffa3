package dev.cloakroom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloakroom.testservers.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcEngineBuilderTest {

    @TempDir
    Path directory;

    @Test
    void tableAndUserColumnMustBePlainIdentifiers() {
        JdbcEngineBuilder builder = JdbcEngine.builder("jdbc:sqlite:x.db");
        assertThatThrownBy(() -> builder.table("sessions; DROP TABLE users")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("table")
                        .hasMessageContaining("identifier");
        assertThatThrownBy(() -> builder.table("x".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.table("1sessions")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.userColumn("user-id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userColumn");
        assertThatThrownBy(() -> builder.userColumn("expire_date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Django's columns");
        assertThat(builder.table("app_sessions").userColumn("account_id").toString())
                .contains("table=app_sessions", "userColumn=account_id");
    }

    @Test
    void numbersAndTimeoutsAreCheckedNotClamped() {
        JdbcEngineBuilder builder = JdbcEngine.builder("jdbc:sqlite:x.db");
        assertThatThrownBy(() -> builder.clearExpiredBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clearExpiredBatchSize").hasMessageContaining("0");
        assertThatThrownBy(() -> builder.clearExpiredPause(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clearExpiredPause");
        assertThatThrownBy(() -> builder.clearExpiredPause(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clearExpiredPause");
        assertThatThrownBy(() -> builder.poolSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poolSize");
        assertThatThrownBy(() -> builder.connectionTimeout(Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
        assertThatThrownBy(() -> builder.statementTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statementTimeout");
    }

    @Test
    void defaultsAreDjangosTableAndNoUserColumn() {
        assertThat(JdbcEngine.builder("jdbc:sqlite:x.db").toString()).contains("table=django_session",
                "userColumn=null", "clearExpiredBatchSize=10000", "clearExpiredPause=0ms",
                "connectionTimeout=3000ms", "createSchema=true");
    }

    @Test
    void unsupportedAndInMemoryUrlsAreRefusedAtBuild() {
        assertThatThrownBy(() -> JdbcEngine.builder("jdbc:h2:mem:sessions").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:h2:")
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> JdbcEngine.builder("jdbc:sqlite::memory:").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MemoryEngine");
    }

    @Test
    void buildCreatesDjangosTableInAnSqliteFile() {
        try (JdbcEngine engine = JdbcEngine.builder(TestDatabases.sqliteUrl(directory.resolve("s.db")))
                .build()) {
            assertThat(engine.table()).isEqualTo("django_session");
            assertThat(engine.migrate()).isEmpty();
            assertThat(engine.toString()).isEqualTo("JdbcEngine[SQLite file " + directory.resolve("s.db")
                    + ", table django_session]");
        }
    }
}
